package org.redditclone.api;

/** A user's vote on a post or a comment; {@link #NONE} retracts an earlier vote. */
public enum VoteDirection {
  UP(1),
  DOWN(-1),
  NONE(0);

  private final int value;

  VoteDirection(int value) {
    this.value = value;
  }

  /** Returns +1, -1 or 0: what this vote adds to the item's score. */
  public int value() {
    return value;
  }
}
