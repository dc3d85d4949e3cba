package org.redditclone.engine.messages;

import java.util.Objects;
import org.redditclone.api.Message;
import org.redditclone.engine.users.User;

/** A direct message's state; only the read mark changes. */
final class MessageEntity {

  final long id;
  final long conversationId;
  final long inReplyTo;
  final User from;
  final User to;
  final String subject;
  final String body;
  final long sentAtMillis;
  private volatile boolean read;

  MessageEntity(long id, long conversationId, long inReplyTo, User from, User to, String subject,
      String body, long sentAtMillis) {
    this.id = id;
    this.conversationId = conversationId;
    this.inReplyTo = inReplyTo;
    this.from = Objects.requireNonNull(from, "from");
    this.to = Objects.requireNonNull(to, "to");
    this.subject = Objects.requireNonNull(subject, "subject");
    this.body = Objects.requireNonNull(body, "body");
    this.sentAtMillis = sentAtMillis;
  }

  boolean read() {
    return read;
  }

  /** Marks it read and returns whether it was unread; the caller holds this lock. */
  boolean markRead() {
    boolean was = read;
    read = true;
    return !was;
  }

  /** Returns whether {@code user} sent or received it. */
  boolean hasParty(User user) {
    return from == user || to == user;
  }

  Message toRecord() {
    return new Message(id, conversationId, inReplyTo, from.name(), to.name(), subject, body,
        sentAtMillis, read);
  }
}
