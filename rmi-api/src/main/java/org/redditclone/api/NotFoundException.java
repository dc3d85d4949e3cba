package org.redditclone.api;

/** Something named by the request does not exist. */
public final class NotFoundException extends RedditException {

  private static final long serialVersionUID = 1L;

  /** Creates the error with a message that names the field, the value and the rule. */
  public NotFoundException(String message) {
    super(message);
  }

  /** Returns the error for a {@code field} whose {@code value} names nothing that exists. */
  public static NotFoundException of(String field, Object value) {
    return new NotFoundException("no " + field + " " + quote(value) + " exists");
  }

  @Override
  public String kind() {
    return "not_found";
  }
}
