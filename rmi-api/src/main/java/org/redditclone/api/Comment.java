package org.redditclone.api;

/**
 * A comment as seen at the moment of the call.
 *
 * @param id the comment's id, unique among comments
 * @param postId the post whose thread it is in
 * @param parentId the comment it replies to, or 0 for a comment on the post itself
 * @param depth 0 for a comment on the post, parent's depth + 1 for a reply
 * @param author the username of its author
 * @param body 1-10,000 characters; empty once deleted
 * @param createdAtMillis epoch milliseconds
 * @param ups number of upvotes
 * @param downs number of downvotes
 * @param deleted whether its author deleted it; its replies stay
 */
public record Comment(
    long id,
    long postId,
    long parentId,
    int depth,
    String author,
    String body,
    long createdAtMillis,
    int ups,
    int downs,
    boolean deleted)
    implements Scored, java.io.Serializable {

  /** Serializes as a {@link WireForm}: one small descriptor instead of a record's. */
  @java.io.Serial
  private Object writeReplace() {
    return new WireForm(this);
  }
}
