package org.redditclone.engine.users;

import org.redditclone.api.WriteCounts;

/**
 * What the engine holds now of one user's writes, counted where each change is applied (live and
 * in replay alike), beside the engine-wide counts, so that a run's consistency check reads a
 * user's counts without scanning the posts. Thread-safe: every field is guarded by this.
 */
public final class Writes {

  private long posts;
  private long comments;
  private long votes;
  private long messages;
  private long memberships;
  private long subreddits;

  Writes() {}

  /** Counts a post or repost the user submitted. */
  public synchronized void addPost() {
    posts++;
  }

  /** Counts a comment or reply the user wrote. */
  public synchronized void addComment() {
    comments++;
  }

  /** Adds to the user's votes standing: +1 for a vote cast, -1 for one retracted, 0 for a change. */
  public synchronized void addVotes(int delta) {
    votes += delta;
  }

  /** Counts a message or message reply the user sent. */
  public synchronized void addMessage() {
    messages++;
  }

  /** Adds to the user's memberships: +1 for a join, -1 for a leave. */
  public synchronized void addMemberships(int delta) {
    memberships += delta;
  }

  /** Counts a subreddit the user created. */
  public synchronized void addSubreddit() {
    subreddits++;
  }

  /** Returns the counts now, under the user's name. */
  synchronized WriteCounts toRecord(String username) {
    return new WriteCounts(username, posts, comments, votes, messages, memberships, subreddits);
  }
}
