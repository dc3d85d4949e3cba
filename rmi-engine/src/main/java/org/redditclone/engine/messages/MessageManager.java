package org.redditclone.engine.messages;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.redditclone.api.ForbiddenException;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Limits;
import org.redditclone.api.Message;
import org.redditclone.api.NotFoundException;
import org.redditclone.api.Page;
import org.redditclone.api.RedditException;
import org.redditclone.engine.events.Event.MessageRead;
import org.redditclone.engine.events.Event.MessageSent;
import org.redditclone.engine.events.EventBus;
import org.redditclone.engine.events.ImpossibleEventException;
import org.redditclone.engine.events.Publisher;
import org.redditclone.engine.ranking.Cursor;
import org.redditclone.engine.ranking.RankKey;
import org.redditclone.engine.users.User;
import org.redditclone.engine.users.UserManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Direct messages and conversations between two users. */
public final class MessageManager extends Publisher {

  private static final Logger log = LoggerFactory.getLogger(MessageManager.class);
  private static final Comparator<MessageEntity> OLDEST_FIRST =
      Comparator.<MessageEntity>comparingLong(m -> m.sentAtMillis).thenComparingLong(m -> m.id);

  private final Map<Long, MessageEntity> byId = new ConcurrentHashMap<>();
  /** Each conversation's messages; each list is guarded by itself. */
  private final Map<Long, List<MessageEntity>> conversations = new ConcurrentHashMap<>();
  private final Map<Integer, Mailbox> mailboxes = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final UserManager users;

  /** Creates an empty message store. */
  public MessageManager(EventBus bus, Clock clock, UserManager users) {
    super(bus, clock);
    this.users = Objects.requireNonNull(users, "users");
  }

  /** Sends a first message, which starts a conversation. */
  public Message send(User from, long requestId, String to, String subject, String body)
      throws RedditException {
    User recipient = users.byName("to", to);
    if (recipient == from) {
      throw new InvalidInputException("to", to, "is the sender; a message goes to another user");
    }
    Limits.text("subject", subject, 1, Limits.SUBJECT_MAX);
    Limits.text("body", body, 1, Limits.MESSAGE_BODY_MAX);
    long id = nextId.getAndIncrement();
    MessageEntity m =
        apply(new MessageSent(id, id, 0, from.id(), recipient.id(), subject, body, now(), requestId));
    log.debug("user {} sent message #{} to {}", from.name(), id, recipient.name());
    return m.toRecord();
  }

  /** Replies within the conversation of a message {@code user} sent or received. */
  public Message reply(User user, long requestId, long messageId, String body)
      throws RedditException {
    MessageEntity original = find(messageId);
    requireParty(user, original, "reply to");
    Limits.text("body", body, 1, Limits.MESSAGE_BODY_MAX);
    User other = original.from == user ? original.to : original.from;
    long id = nextId.getAndIncrement();
    MessageEntity m = apply(new MessageSent(id, original.conversationId, messageId, user.id(),
        other.id(), original.subject, body, now(), requestId));
    log.debug("user {} replied #{} to message #{}", user.name(), id, messageId);
    return m.toRecord();
  }

  /** Applies a sent message and returns it; one whose id exists, or that replies to none, is refused. */
  public MessageEntity apply(MessageSent e) {
    if (byId.containsKey(e.messageId())) {
      throw ImpossibleEventException.exists("message", e.messageId());
    }
    if (e.inReplyTo() != 0) {
      requireMessage(e.inReplyTo());
    }
    if (e.conversationId() != e.messageId()) {
      ImpossibleEventException.require(conversations.get(e.conversationId()), "conversation",
          e.conversationId());
    }
    MessageEntity m = new MessageEntity(e.messageId(), e.conversationId(), e.inReplyTo(),
        users.requireUser(e.fromId()), users.requireUser(e.toId()), e.subject(), e.body(), e.atMillis());
    // Locked until it is in every box, so a read mark cannot slip in between.
    synchronized (m) {
      publish(e); // before it is visible, so no read mark or reply can be published first
      byId.put(m.id, m);
      List<MessageEntity> conversation =
          conversations.computeIfAbsent(m.conversationId, k -> new ArrayList<>(2));
      synchronized (conversation) {
        conversation.add(m);
      }
      Mailbox recipient = mailbox(m.to);
      recipient.inbox.put(m.id, m);
      recipient.unread.put(m.id, m);
      mailbox(m.from).sent.put(m.id, m);
      m.from.writes().addMessage();
    }
    nextId.accumulateAndGet(e.messageId() + 1, Math::max);
    return m;
  }

  /** Returns a page of {@code user}'s received messages, newest first. */
  public Page<Message> inbox(User user, boolean unreadOnly, String cursor, int limit)
      throws RedditException {
    Mailbox box = mailbox(user);
    return page(unreadOnly ? box.unread : box.inbox, unreadOnly ? "unread" : "inbox", cursor, limit);
  }

  /** Returns a page of {@code user}'s sent messages, newest first. */
  public Page<Message> sent(User user, String cursor, int limit) throws RedditException {
    return page(mailbox(user).sent, "sent", cursor, limit);
  }

  /** Marks a message {@code user} received as read. */
  public void markRead(User user, long messageId) throws RedditException {
    MessageEntity m = find(messageId);
    if (m.to != user) {
      throw new ForbiddenException("message " + messageId + " was sent to " + m.to.name()
          + ", not to " + user.name() + "; only its recipient may mark it read");
    }
    apply(new MessageRead(messageId, now()));
  }

  /** Applies a read mark; marking twice changes nothing. */
  public void apply(MessageRead e) {
    MessageEntity m = requireMessage(e.messageId());
    synchronized (m) {
      if (!m.read()) {
        publish(e);
        m.markRead();
        mailbox(m.to).unread.remove(m.id);
      }
    }
  }

  /** Returns the whole conversation of a message, oldest first, to one of its two parties. */
  public List<Message> conversation(User user, long messageId) throws RedditException {
    MessageEntity m = find(messageId);
    requireParty(user, m, "read the conversation of");
    List<MessageEntity> all;
    synchronized (m) { // waits for a message still being applied to be in its conversation
      all = conversations.get(m.conversationId);
    }
    List<MessageEntity> copy;
    synchronized (all) {
      copy = new ArrayList<>(all);
    }
    copy.sort(OLDEST_FIRST);
    List<Message> out = new ArrayList<>(copy.size());
    copy.forEach(x -> out.add(x.toRecord()));
    return List.copyOf(out);
  }

  /** Returns the number of messages. */
  public long count() {
    return byId.size();
  }

  private Page<Message> page(NavigableMap<Long, MessageEntity> box, String kind, String cursor,
      int limit) throws RedditException {
    Limits.pageLimit(limit);
    RankKey after = Cursor.decode(kind, cursor);
    NavigableMap<Long, MessageEntity> view = after == null ? box : box.tailMap(after.id(), false);
    Iterator<MessageEntity> it = view.values().iterator();
    List<Message> items = new ArrayList<>(limit);
    long last = 0;
    while (items.size() < limit && it.hasNext()) {
      MessageEntity m = it.next();
      items.add(m.toRecord());
      last = m.id;
    }
    String next = last != 0 && it.hasNext() ? Cursor.encode(kind, new RankKey(0, last)) : null;
    return new Page<>(List.copyOf(items), next);
  }

  /** Returns a message by id as its sender was given it, for a repeated send request. */
  public Message get(long messageId) throws RedditException {
    return find(messageId).toRecord();
  }

  private MessageEntity requireMessage(long messageId) {
    return ImpossibleEventException.require(byId.get(messageId), "message", messageId);
  }

  private MessageEntity find(long messageId) throws RedditException {
    Limits.id("messageId", messageId);
    return NotFoundException.require(byId.get(messageId), "message", messageId);
  }

  private static void requireParty(User user, MessageEntity m, String action)
      throws ForbiddenException {
    if (!m.hasParty(user)) {
      throw new ForbiddenException("message " + m.id + " is between " + m.from.name() + " and "
          + m.to.name() + ", not " + user.name() + "; only its parties may " + action + " it");
    }
  }

  private Mailbox mailbox(User user) {
    return mailboxes.computeIfAbsent(user.id(), k -> new Mailbox());
  }
}
