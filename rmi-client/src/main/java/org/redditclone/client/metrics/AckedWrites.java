package org.redditclone.client.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.redditclone.api.WriteCounts;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.RunColumns.Users;

/**
 * What the engine acknowledged to a client's users, per user ({@code client-K.users.csv}, written
 * and read here) and summed. Each is a {@link WriteCounts}, the record the engine answers with for
 * what it holds, so the consistency check compares like with like; the items are the {@link
 * Users#items()} columns.
 */
public final class AckedWrites {

  private AckedWrites() {}

  /** Returns the count of {@code item} in {@code counts}. */
  public static long count(WriteCounts counts, Users item) {
    return switch (item) {
      case POSTS -> counts.posts();
      case COMMENTS -> counts.comments();
      case VOTES -> counts.votes();
      case MESSAGES -> counts.messages();
      case MEMBERSHIPS -> counts.memberships();
      case SUBREDDITS -> counts.subreddits();
      case USER -> throw new IllegalArgumentException("user is the name, not a count");
    };
  }

  /** Returns counts named {@code name} with each item's count as {@code count} gives it. */
  public static WriteCounts of(String name, ToLongFunction<Users> count) {
    return new WriteCounts(name, count.applyAsLong(Users.POSTS), count.applyAsLong(Users.COMMENTS),
        count.applyAsLong(Users.VOTES), count.applyAsLong(Users.MESSAGES),
        count.applyAsLong(Users.MEMBERSHIPS), count.applyAsLong(Users.SUBREDDITS));
  }

  /** Returns the counts of {@code rows} summed item by item, named {@code name}. */
  public static WriteCounts sum(String name, Collection<WriteCounts> rows) {
    return of(name, item -> rows.stream().mapToLong(row -> count(row, item)).sum());
  }

  /** Returns whether every count of {@code counts} is 0. */
  public static boolean isZero(WriteCounts counts) {
    return Users.items().stream().allMatch(item -> count(counts, item) == 0);
  }

  /** Returns the text of client-K.users.csv: the header, then a line per row with any count not 0. */
  public static String csv(Collection<WriteCounts> rows) {
    return CsvFile.headerLine(Users.values()) + rows.stream()
        .filter(row -> !isZero(row))
        .map(row -> CsvFile.line(Users.values(),
            column -> column == Users.USER ? row.username() : count(row, column)) + "\n")
        .collect(Collectors.joining());
  }

  /**
   * Returns the rows of a client-K.users.csv.
   *
   * @throws IOException if it cannot be read or a line is malformed, naming the file and line
   */
  public static List<WriteCounts> read(Path file) throws IOException {
    return CsvFile.read(file, Users.values(), false,
        row -> of(row.text(Users.USER), item -> row.whole(item)));
  }
}
