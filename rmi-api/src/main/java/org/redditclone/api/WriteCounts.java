package org.redditclone.api;

/**
 * What the engine holds now of one user's writes: the counts a run's consistency check compares
 * with what the run's clients were acknowledged. See {@link StatsService#writeCounts}.
 *
 * @param username the name as registered
 * @param posts posts and reposts the user submitted, deleted ones included
 * @param comments comments and replies the user wrote, deleted ones included
 * @param votes the user's votes standing on posts and comments (a retracted vote no longer counts)
 * @param messages direct messages and message replies the user sent
 * @param memberships subreddits the user is a member of now
 * @param subreddits subreddits the user created
 */
public record WriteCounts(
    String username, long posts, long comments, long votes, long messages, long memberships,
    long subreddits)
    implements java.io.Serializable {

  /** Serializes as a {@link WireForm}: one small descriptor instead of a record's. */
  @java.io.Serial
  private Object writeReplace() {
    return new WireForm(this);
  }
}
