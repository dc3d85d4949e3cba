package org.redditclone.api;

/** The session token is missing, unknown, expired or logged out, or the password is wrong. */
public final class NotAuthorizedException extends RedditException {

  private static final long serialVersionUID = 1L;

  /** Creates the error with a message that names the field, the value and the rule. */
  public NotAuthorizedException(String message) {
    super(message);
  }

  @Override
  public String kind() {
    return "not_authorized";
  }
}
