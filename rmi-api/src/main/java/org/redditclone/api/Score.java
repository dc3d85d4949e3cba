package org.redditclone.api;

/**
 * The votes on a post or comment right after a vote was applied.
 *
 * @param id the post's or comment's id
 * @param ups number of upvotes
 * @param downs number of downvotes
 * @param myVote the caller's vote now
 */
public record Score(long id, int ups, int downs, VoteDirection myVote)
    implements Scored, java.io.Serializable {

  /** Serializes as a {@link WireForm}: one small descriptor instead of a record's. */
  @java.io.Serial
  private Object writeReplace() {
    return new WireForm(this);
  }
}
