package org.redditclone.api;

/** The orders of a subreddit listing and of a feed, after Reddit's published formulas. */
public enum PostSort {
  /** log10 of the score plus the age term: newer and better posts first. */
  HOT,
  /** Newest first. */
  NEW,
  /** Highest score first. */
  TOP,
  /** Most votes with the most even split first. */
  CONTROVERSIAL
}
