package org.redditclone.engine.events;

import java.util.Objects;
import org.redditclone.api.VoteDirection;

/**
 * One change of the engine's state. Applying an event is deterministic: the same stream of
 * events applied to an empty engine gives the same state.
 */
public sealed interface Event {

  /** Returns when the change happened, epoch milliseconds. */
  long atMillis();

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
  }

  /** A session began; keyed by the SHA-256 of the token (base64url), never the token. */
  record SessionOpened(String tokenHash, int userId, long atMillis) implements Event {
    public SessionOpened {
      Objects.requireNonNull(tokenHash, "tokenHash");
    }
  }

  /** A session ended by logout or idle expiry. */
  record SessionClosed(String tokenHash, int userId, long atMillis) implements Event {
    public SessionClosed {
      Objects.requireNonNull(tokenHash, "tokenHash");
    }
  }

  /** A user went online or offline. */
  record PresenceChanged(int userId, boolean online, long atMillis) implements Event {}

  /** A subreddit was created; its creator joins it as part of the same change. */
  record SubredditCreated(
      int subredditId, String name, String description, int creatorId, long atMillis)
      implements Event {
    public SubredditCreated {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
    }
  }

  /** A user joined ({@code joined}) or left a subreddit. */
  record MembershipChanged(int userId, int subredditId, boolean joined, long atMillis)
      implements Event {}

  /** A post or, when {@code originalId} is not 0, a repost was submitted. */
  record PostSubmitted(
      long postId,
      int subredditId,
      int authorId,
      String title,
      String body,
      long originalId,
      long atMillis)
      implements Event {
    public PostSubmitted {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(body, "body");
    }
  }

  /** A post's author deleted it. */
  record PostDeleted(long postId, long atMillis) implements Event {}

  /** A comment was added to a post's thread; {@code parentId} 0 for a top-level comment. */
  record CommentAdded(
      long commentId, long postId, long parentId, int authorId, String body, long atMillis)
      implements Event {
    public CommentAdded {
      Objects.requireNonNull(body, "body");
    }
  }

  /** A comment's author deleted it. */
  record CommentDeleted(long commentId, long atMillis) implements Event {}

  /** A user cast, changed or retracted ({@link VoteDirection#NONE}) a vote on a post or comment. */
  record VoteCast(Target target, long itemId, int userId, VoteDirection direction, long atMillis)
      implements Event {
    public VoteCast {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(direction, "direction");
    }
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
      long atMillis)
      implements Event {
    public MessageSent {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(body, "body");
    }
  }

  /** A message's recipient marked it read. */
  record MessageRead(long messageId, long atMillis) implements Event {}
}
