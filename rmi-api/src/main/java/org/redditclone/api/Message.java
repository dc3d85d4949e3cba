package org.redditclone.api;

/**
 * A direct message.
 *
 * @param id the message's id
 * @param conversationId the id of the first message of its conversation (its own id for a first message)
 * @param inReplyTo the message it answers, or 0
 * @param from the sender's username
 * @param to the recipient's username
 * @param subject 1-100 characters; a reply carries the conversation's subject
 * @param body 1-10,000 characters
 * @param sentAtMillis epoch milliseconds
 * @param read whether the recipient has marked it read
 */
public record Message(
    long id,
    long conversationId,
    long inReplyTo,
    String from,
    String to,
    String subject,
    String body,
    long sentAtMillis,
    boolean read)
    implements java.io.Serializable {

  /** Serializes as a {@link WireForm}: one small descriptor instead of a record's. */
  @java.io.Serial
  private Object writeReplace() {
    return new WireForm(this);
  }
}
