package org.redditclone.api;

/** The caller tried too often in a short time (failed logins); it may try again later. */
public final class RateLimitedException extends RedditException {

  private static final long serialVersionUID = 1L;

  /** Creates the error with a message that names the field, the value and the rule. */
  public RateLimitedException(String message) {
    super(message);
  }

  @Override
  public String kind() {
    return "rate_limited";
  }
}
