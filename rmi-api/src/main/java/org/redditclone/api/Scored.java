package org.redditclone.api;

/** Something counted in up- and downvotes: a post, a comment, or a score right after a vote. */
public interface Scored {

  /** Returns the number of upvotes. */
  int ups();

  /** Returns the number of downvotes. */
  int downs();

  /** Returns upvotes minus downvotes. */
  default int score() {
    return ups() - downs();
  }
}
