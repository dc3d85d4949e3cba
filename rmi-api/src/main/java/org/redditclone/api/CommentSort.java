package org.redditclone.api;

/** The orders of the comments under one parent in a comment tree. */
public enum CommentSort {
  /** Wilson score lower bound of the upvote share, z = 1.281551565545 (80% confidence). */
  BEST,
  /** Highest score first. */
  TOP,
  /** Newest first. */
  NEW,
  /** Most votes with the most even split first. */
  CONTROVERSIAL
}
