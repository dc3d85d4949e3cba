package org.redditclone.api;

/** The caller is known but may not do this (delete another user's post, read another user's conversation). */
public final class ForbiddenException extends RedditException {

  private static final long serialVersionUID = 1L;

  /** Creates the error with a message that names the field, the value and the rule. */
  public ForbiddenException(String message) {
    super(message);
  }

  @Override
  public String kind() {
    return "forbidden";
  }
}
