package org.redditclone.client.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.redditclone.api.Limits;

/** The arguments of one command, with checks whose errors name the argument and the value. */
final class Args {

  /** The page size when none is given. */
  static final int DEFAULT_LIMIT = 25;

  /** The prefix of a cursor argument, so that a {@code next=CURSOR} output line can be pasted back. */
  static final String CURSOR_PREFIX = "next=";

  /** The optional tail of a paged command: an order, a page size and the cursor of the page. */
  record Paging<E extends Enum<E>>(E sort, int limit, String cursor) {}

  private final String command;
  private final List<String> values;

  Args(String command, List<String> values) {
    this.command = command;
    this.values = List.copyOf(values);
  }

  int size() {
    return values.size();
  }

  /** Returns argument {@code index}, which must exist. */
  String get(int index) {
    return values.get(index);
  }

  /**
   * Checks that there are {@code min..max} arguments.
   *
   * @throws UsageException naming the command and the counts otherwise
   */
  Args count(int min, int max) throws UsageException {
    int n = values.size();
    if (n < min || n > max) {
      String expected = min == max ? String.valueOf(min) : min + ".." + max;
      throw new UsageException(command + " takes " + expected + " argument"
          + (max == 1 ? "" : "s") + "; got " + n
          + (n > max && max > 0 ? " (quote an argument that contains spaces)" : ""));
    }
    return this;
  }

  /** Checks that there are exactly {@code n} arguments. */
  Args count(int n) throws UsageException {
    return count(n, n);
  }

  /**
   * Returns the constant of {@code type} whose lower-case name is {@code value}.
   *
   * @throws UsageException naming the argument, the value and the allowed words
   */
  static <E extends Enum<E>> E word(String argument, String value, Class<E> type)
      throws UsageException {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
        return constant;
      }
    }
    throw new UsageException(argument + " " + UsageException.quote(value) + " is not one of "
        + words(type));
  }

  /** Returns the lower-case names of {@code type}'s constants joined by {@code |}. */
  static String words(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining("|"));
  }

  /**
   * Returns a page size written in decimal, 1..{@link Limits#PAGE_MAX}.
   *
   * @throws UsageException naming LIMIT and the value otherwise
   */
  static int limit(String value) throws UsageException {
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= Limits.PAGE_MAX) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // falls through to the same message as a number out of range
    }
    throw new UsageException("LIMIT " + UsageException.quote(value)
        + " is out of range; it must be a number 1.." + Limits.PAGE_MAX);
  }

  /**
   * Reads the optional arguments from {@code from} on, in any order: a sort word of
   * {@code sortType} (if not null), a LIMIT (a number) and {@code next=CURSOR}.
   *
   * @throws UsageException for an unknown word, a bad limit, or an argument given twice
   */
  <E extends Enum<E>> Paging<E> paging(int from, Class<E> sortType, E defaultSort)
      throws UsageException {
    E sort = null;
    Integer limit = null;
    String cursor = null;
    for (String value : values.subList(from, values.size())) {
      if (value.startsWith(CURSOR_PREFIX)) {
        cursor = once("CURSOR", cursor, value.substring(CURSOR_PREFIX.length()));
      } else if (looksNumeric(value)) {
        limit = once("LIMIT", limit, limit(value));
      } else if (sortType != null) {
        sort = once("SORT", sort, word("SORT", value, sortType));
      } else {
        throw new UsageException("argument " + UsageException.quote(value)
            + " is neither a LIMIT (1.." + Limits.PAGE_MAX + ") nor next=CURSOR");
      }
    }
    return new Paging<>(
        sort == null ? defaultSort : sort, limit == null ? DEFAULT_LIMIT : limit, cursor);
  }

  /** Reads the optional LIMIT and {@code next=CURSOR} from {@code from} on, for lists without an order. */
  Paging<NoSort> paging(int from) throws UsageException {
    return paging(from, null, null);
  }

  /** The order of a list that has only one. */
  enum NoSort {}

  private static boolean looksNumeric(String value) {
    return !value.isEmpty() && value.chars().allMatch(c -> c == '-' || c == '+' || Character.isDigit(c));
  }

  private static <T> T once(String argument, T previous, T value) throws UsageException {
    if (previous != null) {
      throw new UsageException(argument + " is given twice: " + previous + " and " + value);
    }
    return value;
  }
}
