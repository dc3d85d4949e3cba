package org.redditclone.api;

/**
 * A text post or a repost, as seen at the moment of the call.
 *
 * @param id the post's id, unique among posts
 * @param subreddit the subreddit it was posted to
 * @param author the username of its author
 * @param title 1-300 characters
 * @param body up to 40,000 characters; empty for a repost and for a deleted post
 * @param createdAtMillis epoch milliseconds
 * @param ups number of upvotes
 * @param downs number of downvotes
 * @param commentCount number of comments in its thread, deleted ones included
 * @param originalId for a repost the id of the original post, otherwise 0
 * @param originalAuthor for a repost the author of the original post, otherwise null
 * @param deleted whether its author deleted it; the thread stays, title and body are gone
 */
public record Post(
    long id,
    String subreddit,
    String author,
    String title,
    String body,
    long createdAtMillis,
    int ups,
    int downs,
    int commentCount,
    long originalId,
    String originalAuthor,
    boolean deleted)
    implements Scored, java.io.Serializable {

  /** Returns whether this post is a repost of another. */
  public boolean isRepost() {
    return originalId != 0;
  }

  /** Serializes as a {@link WireForm}: one small descriptor instead of a record's. */
  @java.io.Serial
  private Object writeReplace() {
    return new WireForm(this);
  }
}
