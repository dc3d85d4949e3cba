package org.redditclone.api;

/**
 * A domain error: the request was refused and the engine's state is unchanged.
 *
 * <p>Every message names the field, the value and the rule that was broken, so that a person
 * reading it at a terminal knows what to change.
 */
public abstract sealed class RedditException extends Exception
    permits NotFoundException, AlreadyExistsException, InvalidInputException,
        NotAuthorizedException, ForbiddenException, RateLimitedException, StorageFailedException {

  private static final long serialVersionUID = 1L;

  RedditException(String message) {
    super(message);
  }

  /** Returns a short, stable, lower-case name for this kind of error, used in metrics. */
  public abstract String kind();

  /** Returns {@code value} quoted for a message, cut to 60 characters so huge inputs stay readable. */
  static String quote(Object value) {
    if (value == null) {
      return "null";
    }
    String text = String.valueOf(value);
    if (text.length() > 60) {
      text = text.substring(0, 57) + "...";
    }
    return value instanceof CharSequence ? "'" + text + "'" : text;
  }
}
