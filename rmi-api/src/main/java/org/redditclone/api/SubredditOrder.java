package org.redditclone.api;

/** The orders of the list of all subreddits. */
public enum SubredditOrder {
  /** Most members first. */
  MEMBERS,
  /** Newest first. */
  NEW
}
