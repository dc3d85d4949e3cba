package org.redditclone.api;

/**
 * A subreddit as seen at the moment of the call.
 *
 * @param name the name as created (names compare ignoring case)
 * @param description what the subreddit is about
 * @param creator the username of its creator
 * @param createdAtMillis epoch milliseconds
 * @param members the number of users who have joined it
 */
public record Subreddit(
    String name, String description, String creator, long createdAtMillis, int members)
    implements java.io.Serializable {

  /** Serializes as a {@link WireForm}: one small descriptor instead of a record's. */
  @java.io.Serial
  private Object writeReplace() {
    return new WireForm(this);
  }
}
