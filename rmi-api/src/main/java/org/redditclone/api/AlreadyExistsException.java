package org.redditclone.api;

/** The request would create something whose name is taken. */
public final class AlreadyExistsException extends RedditException {

  private static final long serialVersionUID = 1L;

  /** Creates the error with a message that names the field, the value and the rule. */
  public AlreadyExistsException(String message) {
    super(message);
  }

  /** Returns the error for a {@code field} whose {@code value} is taken (names compare ignoring case). */
  public static AlreadyExistsException of(String field, Object value) {
    return new AlreadyExistsException(
        field + " " + quote(value) + " is taken; names must be unique ignoring case");
  }

  @Override
  public String kind() {
    return "already_exists";
  }
}
