package org.redditclone.client.cli;

/**
 * The ids the CLI reads and prints: a kind letter and the engine's number, such as {@code p42}
 * for post 42. The prefix lets {@code vote} and {@code delete} tell a post from a comment.
 */
final class Ids {

  /** The kinds of item an id can name, each with its prefix letter. */
  enum Kind {
    POST('p', "post"),
    COMMENT('c', "comment"),
    MESSAGE('m', "message");

    final char prefix;
    final String noun;

    Kind(char prefix, String noun) {
      this.prefix = prefix;
      this.noun = noun;
    }

    /** Returns the kind whose prefix is {@code letter}, or null. */
    static Kind ofPrefix(char letter) {
      for (Kind kind : values()) {
        if (kind.prefix == letter) {
          return kind;
        }
      }
      return null;
    }
  }

  /** An id read from the command line. */
  record Ref(Kind kind, long number) {}

  private Ids() {}

  /** Returns {@code number} written with the prefix of {@code kind}, e.g. {@code p42}. */
  static String format(Kind kind, long number) {
    return kind.prefix + Long.toString(number);
  }

  /**
   * Returns the number of an id that must be of {@code kind}; a bare number is taken as that kind.
   *
   * @param argument the placeholder of the argument, named in errors (e.g. {@code POST_ID})
   * @throws UsageException if the value is no id, or an id of another kind
   */
  static long parse(String argument, String value, Kind kind) throws UsageException {
    Ref ref = parseAny(argument, value, true, kind);
    if (ref.kind != kind) {
      throw new UsageException(argument + " " + UsageException.quote(value) + " is a "
          + ref.kind.noun + " id; expected a " + kind.noun + " id such as "
          + example(kind) + " or the bare number");
    }
    return ref.number;
  }

  /**
   * Returns a post or comment id, which must carry its prefix.
   *
   * @throws UsageException if the value is a bare number, a message id or no id
   */
  static Ref parsePostOrComment(String argument, String value) throws UsageException {
    Ref ref = parseAny(argument, value, false, null);
    if (ref.kind == Kind.MESSAGE) {
      throw new UsageException(argument + " " + UsageException.quote(value)
          + " is a message id; this command acts on posts (p42) and comments (c17)");
    }
    return ref;
  }

  private static Ref parseAny(String argument, String value, boolean bareAllowed, Kind bareKind)
      throws UsageException {
    if (value.isEmpty()) {
      throw new UsageException(argument + " is empty; expected an id such as p42, c17 or m4");
    }
    Kind kind = Kind.ofPrefix(value.charAt(0));
    String digits = kind == null ? value : value.substring(1);
    if (!digits.isEmpty() && digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      if (kind == null && !bareAllowed) {
        throw new UsageException(argument + " " + UsageException.quote(value)
            + " has no kind prefix; write p" + value + " for a post or c" + value
            + " for a comment");
      }
      try {
        return new Ref(kind == null ? bareKind : kind, Long.parseLong(digits));
      } catch (NumberFormatException e) {
        throw new UsageException(argument + " " + UsageException.quote(value)
            + " is too large for an id");
      }
    }
    throw new UsageException(argument + " " + UsageException.quote(value)
        + " is not an id; ids are p<N> for posts, c<N> for comments, m<N> for messages");
  }

  private static String example(Kind kind) {
    return switch (kind) {
      case POST -> "p42";
      case COMMENT -> "c17";
      case MESSAGE -> "m4";
    };
  }
}
