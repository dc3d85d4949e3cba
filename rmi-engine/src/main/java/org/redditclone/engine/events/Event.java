package org.redditclone.engine.events;

import java.util.Objects;
import org.redditclone.api.VoteDirection;

/**
 * One change of the engine's state. Applying an event is deterministic: the same stream of
 * events applied to an empty engine gives the same state.
 *
 * <p>An event that a client's call caused carries the call's {@code requestId} (0 when there was
 * none: replayed from a snapshot, or made by a test), so the same event that applies the change
 * records the request as applied; see {@link org.redditclone.api.Caller}. One event, one journal
 * record: there is no moment at which the change is durable and its request id is not.
 */
public sealed interface Event {

  /** Returns when the change happened, epoch milliseconds. */
  long atMillis();

  /** Calls the method of {@code visitor} that handles this kind of event. */
  void accept(Visitor visitor);

  /**
   * Handles each kind of event in a method of its own, so that a new kind does not compile until
   * every visitor handles it. Every place that treats events by kind is one: the engine's apply,
   * the journal's encoding, the snapshot's fold, the request-id bookkeeping.
   */
  interface Visitor {
    void visit(UserRegistered e);

    void visit(SessionOpened e);

    void visit(SessionClosed e);

    void visit(PresenceChanged e);

    void visit(SubredditCreated e);

    void visit(MembershipChanged e);

    void visit(PostSubmitted e);

    void visit(PostDeleted e);

    void visit(CommentAdded e);

    void visit(CommentDeleted e);

    void visit(VoteCast e);

    void visit(MessageSent e);

    void visit(MessageRead e);

    void visit(RequestsRemembered e);
  }

  /** A user registered; carries the PBKDF2 hash and salt (base64), never the password. */
  record UserRegistered(
      int userId, String username, int iterations, String salt, String hash, long atMillis)
      implements Event {
    public UserRegistered {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(salt, "salt");
      Objects.requireNonNull(hash, "hash");
    }

    @Override
    public String toString() {
      return "UserRegistered[userId=" + userId + ", username=" + username + ", atMillis=" + atMillis + "]";
    }

    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }

  /** A session began; keyed by the SHA-256 of the token (base64url), never the token. */
  record SessionOpened(String tokenHash, int userId, long atMillis) implements Event {
    public SessionOpened {
      Objects.requireNonNull(tokenHash, "tokenHash");
    }

    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }

  /** A session ended by logout or idle expiry. */
  record SessionClosed(String tokenHash, int userId, long atMillis) implements Event {
    public SessionClosed {
      Objects.requireNonNull(tokenHash, "tokenHash");
    }

    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }

  /** A user went online or offline. */
  record PresenceChanged(int userId, boolean online, long atMillis) implements Event {
    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }

  /** A subreddit was created; its creator joins it as part of the same change. */
  record SubredditCreated(
      int subredditId, String name, String description, int creatorId, long atMillis,
      long requestId)
      implements Event {
    public SubredditCreated {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
    }

    /** A creation that no request caused. */
    public SubredditCreated(int subredditId, String name, String description, int creatorId, long atMillis) {
      this(subredditId, name, description, creatorId, atMillis, 0);
    }

    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }

  /** A user joined ({@code joined}) or left a subreddit. */
  record MembershipChanged(int userId, int subredditId, boolean joined, long atMillis,
      long requestId) implements Event {

    /** A change that no request caused. */
    public MembershipChanged(int userId, int subredditId, boolean joined, long atMillis) {
      this(userId, subredditId, joined, atMillis, 0);
    }

    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }

  /** A post or, when {@code originalId} is not 0, a repost was submitted. */
  record PostSubmitted(
      long postId,
      int subredditId,
      int authorId,
      String title,
      String body,
      long originalId,
      long atMillis,
      long requestId)
      implements Event {
    public PostSubmitted {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(body, "body");
    }

    /** A post that no request caused. */
    public PostSubmitted(long postId, int subredditId, int authorId, String title, String body,
        long originalId, long atMillis) {
      this(postId, subredditId, authorId, title, body, originalId, atMillis, 0);
    }

    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }

  /** A post's author deleted it. */
  record PostDeleted(long postId, long atMillis, long requestId) implements Event {

    /** A deletion that no request caused. */
    public PostDeleted(long postId, long atMillis) {
      this(postId, atMillis, 0);
    }

    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }

  /** A comment was added to a post's thread; {@code parentId} 0 for a top-level comment. */
  record CommentAdded(
      long commentId, long postId, long parentId, int authorId, String body, long atMillis,
      long requestId)
      implements Event {
    public CommentAdded {
      Objects.requireNonNull(body, "body");
    }

    /** A comment that no request caused. */
    public CommentAdded(long commentId, long postId, long parentId, int authorId, String body,
        long atMillis) {
      this(commentId, postId, parentId, authorId, body, atMillis, 0);
    }

    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }

  /** A comment's author deleted it. */
  record CommentDeleted(long commentId, long atMillis, long requestId) implements Event {

    /** A deletion that no request caused. */
    public CommentDeleted(long commentId, long atMillis) {
      this(commentId, atMillis, 0);
    }

    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }

  /** A user cast, changed or retracted ({@link VoteDirection#NONE}) a vote on a post or comment. */
  record VoteCast(Target target, long itemId, int userId, VoteDirection direction, long atMillis,
      long requestId) implements Event {
    public VoteCast {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(direction, "direction");
    }

    /** A vote that no request caused. */
    public VoteCast(Target target, long itemId, int userId, VoteDirection direction, long atMillis) {
      this(target, itemId, userId, direction, atMillis, 0);
    }

    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }

  /** What a vote is on. */
  enum Target {
    POST,
    COMMENT
  }

  /** A direct message was sent; a first message has {@code conversationId == messageId}. */
  record MessageSent(
      long messageId,
      long conversationId,
      long inReplyTo,
      int fromId,
      int toId,
      String subject,
      String body,
      long atMillis,
      long requestId)
      implements Event {
    public MessageSent {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(body, "body");
    }

    /** A message that no request caused. */
    public MessageSent(long messageId, long conversationId, long inReplyTo, int fromId, int toId,
        String subject, String body, long atMillis) {
      this(messageId, conversationId, inReplyTo, fromId, toId, subject, body, atMillis, 0);
    }

    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }

  /** A message's recipient marked it read. */
  record MessageRead(long messageId, long atMillis) implements Event {
    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }

  /**
   * A user's applied request ids as a snapshot keeps them, oldest first, with each one's {@link
   * org.redditclone.engine.requests.RequestKind} ordinal and result id: applying it replaces the
   * user's table. Only snapshots hold it; the journal records request ids in the events above.
   */
  record RequestsRemembered(int userId, long[] requestIds, byte[] kinds, long[] resultIds,
      long atMillis) implements Event {
    public RequestsRemembered {
      Objects.requireNonNull(requestIds, "requestIds");
      Objects.requireNonNull(kinds, "kinds");
      Objects.requireNonNull(resultIds, "resultIds");
      if (kinds.length != requestIds.length || resultIds.length != requestIds.length) {
        throw new IllegalArgumentException(requestIds.length + " request ids with " + kinds.length
            + " kinds and " + resultIds.length + " result ids");
      }
    }

    @Override
    public String toString() {
      return "RequestsRemembered[userId=" + userId + ", " + requestIds.length + " requests]";
    }

    @Override public void accept(Visitor visitor) { visitor.visit(this); }
  }
}
