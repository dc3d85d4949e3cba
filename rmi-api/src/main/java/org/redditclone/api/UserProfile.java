package org.redditclone.api;

/**
 * What anybody may see of a user.
 *
 * @param username the name as registered (names compare ignoring case)
 * @param postKarma upvotes minus downvotes others gave the user's posts
 * @param commentKarma upvotes minus downvotes others gave the user's comments
 * @param createdAtMillis when the user registered, epoch milliseconds
 * @param online whether the user is online now (presence, not session)
 */
public record UserProfile(
    String username, long postKarma, long commentKarma, long createdAtMillis, boolean online)
    implements java.io.Serializable {

  /** Serializes as a {@link WireForm}: one small descriptor instead of a record's. */
  @java.io.Serial
  private Object writeReplace() {
    return new WireForm(this);
  }
}
