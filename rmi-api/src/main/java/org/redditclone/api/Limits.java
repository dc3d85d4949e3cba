package org.redditclone.api;

import java.util.regex.Pattern;

/**
 * The size and shape rules of every input, in one place, and the checks that apply them.
 *
 * <p>Each check throws an {@link InvalidInputException} whose message names the field, the
 * value and the rule, for example {@code title 'xx…' is 412 characters; the limit is 300}.
 */
public final class Limits {

  public static final int USERNAME_MIN = 3;
  public static final int USERNAME_MAX = 20;
  public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final String USERNAME_ALPHABET = "A-Z a-z 0-9 _ -";
  public static final int PASSWORD_MIN = 1;
  public static final int PASSWORD_MAX = 128;
  public static final int SUBREDDIT_MIN = 3;
  public static final int SUBREDDIT_MAX = 21;
  public static final Pattern SUBREDDIT = Pattern.compile("[A-Za-z0-9_]+");
  public static final int DESCRIPTION_MAX = 500;
  public static final int TITLE_MAX = 300;
  public static final int POST_BODY_MAX = 40_000;
  public static final int COMMENT_BODY_MAX = 10_000;
  public static final int SUBJECT_MAX = 100;
  public static final int MESSAGE_BODY_MAX = 10_000;
  public static final int PAGE_MAX = 100;
  public static final int CURSOR_MAX = 200;
  public static final int TOKEN_MAX = 100;
  /** The most comments one comment-tree call returns. */
  public static final int TREE_MAX = 1_000;
  /**
   * How many applied request ids the engine remembers per user, the newest ones: a retry of any of
   * them is answered with its first result (see {@link Caller}).
   */
  public static final int REQUEST_IDS_KEPT = 1_024;

  private static final PostSort[] POST_SORTS = PostSort.values();
  private static final CommentSort[] COMMENT_SORTS = CommentSort.values();
  private static final VoteDirection[] DIRECTIONS = VoteDirection.values();

  private Limits() {}

  /** Returns {@code value} if it is a valid username, otherwise throws. */
  public static String username(String field, String value) throws InvalidInputException {
    return name(field, value, USERNAME_MIN, USERNAME_MAX, USERNAME, USERNAME_ALPHABET);
  }

  /** Returns {@code value} if it can start a username: 1 or more characters a name may hold. */
  public static String usernamePrefix(String field, String value) throws InvalidInputException {
    return name(field, value, 1, USERNAME_MAX, USERNAME, USERNAME_ALPHABET);
  }

  /** Returns {@code value} if it is a valid subreddit name, otherwise throws. */
  public static String subredditName(String value) throws InvalidInputException {
    return name("subreddit", value, SUBREDDIT_MIN, SUBREDDIT_MAX, SUBREDDIT, "A-Z a-z 0-9 _");
  }

  /** Returns {@code value} if it is non-null and {@code min..max} characters long, otherwise throws. */
  public static String text(String field, String value, int min, int max)
      throws InvalidInputException {
    if (value == null) {
      throw new InvalidInputException(field, null, "is missing; it is required");
    }
    int length = value.length();
    if (length < min) {
      throw new InvalidInputException(
          field, value, "is " + length + " characters; the minimum is " + min);
    }
    if (length > max) {
      throw new InvalidInputException(
          field, value, "is " + length + " characters; the limit is " + max);
    }
    return value;
  }

  /** Returns {@code value} if it is a positive id, otherwise throws. */
  public static long id(String field, long value) throws InvalidInputException {
    if (value <= 0) {
      throw new InvalidInputException(field, value, "is not an id; ids are positive");
    }
    return value;
  }

  /** Returns {@code value} if it can be a request id (not 0), otherwise throws. */
  public static long requestId(long value) throws InvalidInputException {
    if (value == 0) {
      throw new InvalidInputException(
          "requestId", value, "is not a request id; draw one with Caller.of(token)");
    }
    return value;
  }

  /** Returns {@code value} if it is 1..{@link #PAGE_MAX}, otherwise throws. */
  public static int pageLimit(int value) throws InvalidInputException {
    return range("limit", value, 1, PAGE_MAX);
  }

  /** Returns {@code value} if it is within {@code min..max}, otherwise throws. */
  public static int range(String field, int value, int min, int max)
      throws InvalidInputException {
    if (value < min || value > max) {
      throw new InvalidInputException(field, value, "is out of range; it must be " + min + ".." + max);
    }
    return value;
  }

  /**
   * Returns the {@link PostSort} whose {@link PostSort#ordinal() ordinal} is {@code value}: how a
   * feed or listing call names its order (a number crosses RMI without a class descriptor).
   */
  public static PostSort postSort(int value) throws InvalidInputException {
    return ordinal("sort", value, POST_SORTS);
  }

  /** Returns the {@link CommentSort} whose ordinal is {@code value}, as {@link #postSort} does. */
  public static CommentSort commentSort(int value) throws InvalidInputException {
    return ordinal("sort", value, COMMENT_SORTS);
  }

  /**
   * Returns the {@link VoteDirection} whose {@link VoteDirection#value() value} is {@code value}:
   * 1 up, -1 down, 0 none; how a vote call names its direction.
   */
  public static VoteDirection voteDirection(int value) throws InvalidInputException {
    for (VoteDirection d : DIRECTIONS) {
      if (d.value() == value) {
        return d;
      }
    }
    throw new InvalidInputException(
        "direction", value, "is not a vote; it must be 1 (UP), -1 (DOWN) or 0 (NONE)");
  }

  private static <E extends Enum<E>> E ordinal(String field, int value, E[] constants)
      throws InvalidInputException {
    if (value < 0 || value >= constants.length) {
      StringBuilder names = new StringBuilder();
      for (E e : constants) {
        names.append(names.length() == 0 ? "" : ", ").append(e.ordinal()).append(' ')
            .append(e.name());
      }
      throw new InvalidInputException(field, value, "is not an order; it must be one of " + names);
    }
    return constants[value];
  }

  /** Returns {@code value} if it is not null, otherwise throws. */
  public static <T> T required(String field, T value) throws InvalidInputException {
    if (value == null) {
      throw new InvalidInputException(field, null, "is missing; it is required");
    }
    return value;
  }

  private static String name(
      String field, String value, int min, int max, Pattern pattern, String alphabet)
      throws InvalidInputException {
    text(field, value, min, max);
    if (!pattern.matcher(value).matches()) {
      throw new InvalidInputException(field, value, "may hold only the characters " + alphabet);
    }
    return value;
  }
}
