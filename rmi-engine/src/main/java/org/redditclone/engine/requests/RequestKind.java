package org.redditclone.engine.requests;

/**
 * What an applied request did, so that a repeat can rebuild the first result and a request id
 * reused for a different call is refused. Stored by ordinal in snapshots: append, never reorder.
 */
public enum RequestKind {
  /** A subreddit created; the result is its id. */
  SUBREDDIT,
  /** A join or leave; the result is the subreddit's id. */
  MEMBERSHIP,
  /** A post or repost; the result is its id. */
  POST,
  /** A vote on a post; the result is the post's id. */
  POST_VOTE,
  /** A post deleted; the result is its id. */
  POST_DELETE,
  /** A comment or reply; the result is its id. */
  COMMENT,
  /** A vote on a comment; the result is the comment's id. */
  COMMENT_VOTE,
  /** A comment deleted; the result is its id. */
  COMMENT_DELETE,
  /** A message or a reply to one; the result is its id. */
  MESSAGE;

  private static final RequestKind[] ALL = values();

  /** Returns the kind of an ordinal read back from a snapshot. */
  public static RequestKind of(int ordinal) {
    if (ordinal < 0 || ordinal >= ALL.length) {
      throw new IllegalArgumentException("request kind " + ordinal + " is not 0.." + (ALL.length - 1));
    }
    return ALL[ordinal];
  }
}
