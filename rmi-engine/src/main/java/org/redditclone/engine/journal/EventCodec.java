package org.redditclone.engine.journal;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.Event.CommentAdded;
import org.redditclone.engine.events.Event.CommentDeleted;
import org.redditclone.engine.events.Event.MembershipChanged;
import org.redditclone.engine.events.Event.MessageRead;
import org.redditclone.engine.events.Event.MessageSent;
import org.redditclone.engine.events.Event.PostDeleted;
import org.redditclone.engine.events.Event.PostSubmitted;
import org.redditclone.engine.events.Event.PresenceChanged;
import org.redditclone.engine.events.Event.RequestsRemembered;
import org.redditclone.engine.events.Event.SessionClosed;
import org.redditclone.engine.events.Event.SessionOpened;
import org.redditclone.engine.events.Event.SubredditCreated;
import org.redditclone.engine.events.Event.Target;
import org.redditclone.engine.events.Event.UserRegistered;
import org.redditclone.engine.events.Event.VoteCast;
import org.redditclone.engine.requests.AppliedRequests;

/**
 * The binary form of an event: a tag byte, then its fields in declaration order. Strings are an int
 * byte count and UTF-8 (not {@code writeUTF}, which stops at 64 KiB). Deliberately not Java
 * serialization: smaller, faster, and no object graph is ever built from file bytes. A tag is
 * never reused; a new event kind takes the next one.
 *
 * <p>A field added to an event later goes at the end of its record, and a record written before
 * it existed reads it as 0: the {@code requestId} of the events a client's call causes (see
 * {@link Event}) was added so, and journals written without it still replay.
 */
final class EventCodec {

  private static final byte USER_REGISTERED = 1;
  private static final byte SESSION_OPENED = 2;
  private static final byte SESSION_CLOSED = 3;
  private static final byte PRESENCE_CHANGED = 4;
  private static final byte SUBREDDIT_CREATED = 5;
  private static final byte MEMBERSHIP_CHANGED = 6;
  private static final byte POST_SUBMITTED = 7;
  private static final byte POST_DELETED = 8;
  private static final byte COMMENT_ADDED = 9;
  private static final byte COMMENT_DELETED = 10;
  private static final byte VOTE_CAST = 11;
  private static final byte MESSAGE_SENT = 12;
  private static final byte MESSAGE_READ = 13;
  private static final byte REQUESTS_REMEMBERED = 14;

  /** Strings longer than this in a record are damage, not data (limits are far below). */
  private static final int STRING_MAX_BYTES = 1 << 20;

  private EventCodec() {}

  /** Returns the payload bytes of {@code event}. */
  static byte[] encode(Event event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(event, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen writing to memory", e);
    }
    return bytes.toByteArray();
  }

  /** Returns the event of a payload; throws IOException naming what is wrong if it is not one. */
  static Event decode(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
    Event e = read(in);
    if (in.available() != 0) {
      throw new IOException(in.available() + " bytes left over after " + e.getClass().getSimpleName());
    }
    return e;
  }

  private static void write(Event event, DataOutput out) throws IOException {
    if (event instanceof UserRegistered e) {
      out.writeByte(USER_REGISTERED);
      out.writeInt(e.userId());
      string(out, e.username());
      out.writeInt(e.iterations());
      string(out, e.salt());
      string(out, e.hash());
      out.writeLong(e.atMillis());
    } else if (event instanceof SessionOpened e) {
      out.writeByte(SESSION_OPENED);
      string(out, e.tokenHash());
      out.writeInt(e.userId());
      out.writeLong(e.atMillis());
    } else if (event instanceof SessionClosed e) {
      out.writeByte(SESSION_CLOSED);
      string(out, e.tokenHash());
      out.writeInt(e.userId());
      out.writeLong(e.atMillis());
    } else if (event instanceof PresenceChanged e) {
      out.writeByte(PRESENCE_CHANGED);
      out.writeInt(e.userId());
      out.writeBoolean(e.online());
      out.writeLong(e.atMillis());
    } else if (event instanceof SubredditCreated e) {
      out.writeByte(SUBREDDIT_CREATED);
      out.writeInt(e.subredditId());
      string(out, e.name());
      string(out, e.description());
      out.writeInt(e.creatorId());
      out.writeLong(e.atMillis());
      out.writeLong(e.requestId());
    } else if (event instanceof MembershipChanged e) {
      out.writeByte(MEMBERSHIP_CHANGED);
      out.writeInt(e.userId());
      out.writeInt(e.subredditId());
      out.writeBoolean(e.joined());
      out.writeLong(e.atMillis());
      out.writeLong(e.requestId());
    } else if (event instanceof PostSubmitted e) {
      out.writeByte(POST_SUBMITTED);
      out.writeLong(e.postId());
      out.writeInt(e.subredditId());
      out.writeInt(e.authorId());
      string(out, e.title());
      string(out, e.body());
      out.writeLong(e.originalId());
      out.writeLong(e.atMillis());
      out.writeLong(e.requestId());
    } else if (event instanceof PostDeleted e) {
      out.writeByte(POST_DELETED);
      out.writeLong(e.postId());
      out.writeLong(e.atMillis());
      out.writeLong(e.requestId());
    } else if (event instanceof CommentAdded e) {
      out.writeByte(COMMENT_ADDED);
      out.writeLong(e.commentId());
      out.writeLong(e.postId());
      out.writeLong(e.parentId());
      out.writeInt(e.authorId());
      string(out, e.body());
      out.writeLong(e.atMillis());
      out.writeLong(e.requestId());
    } else if (event instanceof CommentDeleted e) {
      out.writeByte(COMMENT_DELETED);
      out.writeLong(e.commentId());
      out.writeLong(e.atMillis());
      out.writeLong(e.requestId());
    } else if (event instanceof VoteCast e) {
      out.writeByte(VOTE_CAST);
      out.writeByte(e.target().ordinal());
      out.writeLong(e.itemId());
      out.writeInt(e.userId());
      out.writeByte(e.direction().value());
      out.writeLong(e.atMillis());
      out.writeLong(e.requestId());
    } else if (event instanceof MessageSent e) {
      out.writeByte(MESSAGE_SENT);
      out.writeLong(e.messageId());
      out.writeLong(e.conversationId());
      out.writeLong(e.inReplyTo());
      out.writeInt(e.fromId());
      out.writeInt(e.toId());
      string(out, e.subject());
      string(out, e.body());
      out.writeLong(e.atMillis());
      out.writeLong(e.requestId());
    } else if (event instanceof MessageRead e) {
      out.writeByte(MESSAGE_READ);
      out.writeLong(e.messageId());
      out.writeLong(e.atMillis());
    } else if (event instanceof RequestsRemembered e) {
      out.writeByte(REQUESTS_REMEMBERED);
      out.writeInt(e.userId());
      out.writeInt(e.requestIds().length);
      for (int i = 0; i < e.requestIds().length; i++) {
        out.writeLong(e.requestIds()[i]);
        out.writeByte(e.kinds()[i]);
        out.writeLong(e.resultIds()[i]);
      }
      out.writeLong(e.atMillis());
    } else {
      throw new IllegalArgumentException("no encoding for " + event.getClass().getName());
    }
  }

  private static Event read(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case USER_REGISTERED:
        return new UserRegistered(in.readInt(), string(in), in.readInt(), string(in), string(in), in.readLong());
      case SESSION_OPENED:
        return new SessionOpened(string(in), in.readInt(), in.readLong());
      case SESSION_CLOSED:
        return new SessionClosed(string(in), in.readInt(), in.readLong());
      case PRESENCE_CHANGED:
        return new PresenceChanged(in.readInt(), in.readBoolean(), in.readLong());
      case SUBREDDIT_CREATED:
        return new SubredditCreated(in.readInt(), string(in), string(in), in.readInt(), in.readLong(),
            requestId(in));
      case MEMBERSHIP_CHANGED:
        return new MembershipChanged(in.readInt(), in.readInt(), in.readBoolean(), in.readLong(),
            requestId(in));
      case POST_SUBMITTED:
        return new PostSubmitted(in.readLong(), in.readInt(), in.readInt(), string(in), string(in),
            in.readLong(), in.readLong(), requestId(in));
      case POST_DELETED:
        return new PostDeleted(in.readLong(), in.readLong(), requestId(in));
      case COMMENT_ADDED:
        return new CommentAdded(in.readLong(), in.readLong(), in.readLong(), in.readInt(), string(in),
            in.readLong(), requestId(in));
      case COMMENT_DELETED:
        return new CommentDeleted(in.readLong(), in.readLong(), requestId(in));
      case VOTE_CAST:
        return new VoteCast(target(in.readByte()), in.readLong(), in.readInt(), direction(in.readByte()),
            in.readLong(), requestId(in));
      case MESSAGE_SENT:
        return new MessageSent(in.readLong(), in.readLong(), in.readLong(), in.readInt(), in.readInt(),
            string(in), string(in), in.readLong(), requestId(in));
      case MESSAGE_READ:
        return new MessageRead(in.readLong(), in.readLong());
      case REQUESTS_REMEMBERED:
        return requestsRemembered(in);
      default:
        throw new IOException("unknown event tag " + tag);
    }
  }

  /** Reads the trailing request id, or 0 from a record written before events had one. */
  private static long requestId(DataInputStream in) throws IOException {
    return in.available() == 0 ? 0 : in.readLong();
  }

  private static RequestsRemembered requestsRemembered(DataInput in) throws IOException {
    int userId = in.readInt();
    int n = in.readInt();
    if (n < 0 || n > AppliedRequests.WINDOW) {
      throw new IOException("a window of " + n + " request ids; the limit is " + AppliedRequests.WINDOW);
    }
    long[] ids = new long[n];
    byte[] kinds = new byte[n];
    long[] results = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = in.readLong();
      kinds[i] = in.readByte();
      results[i] = in.readLong();
    }
    return new RequestsRemembered(userId, ids, kinds, results, in.readLong());
  }

  private static Target target(byte ordinal) throws IOException {
    Target[] all = Target.values();
    if (ordinal < 0 || ordinal >= all.length) {
      throw new IOException("vote target " + ordinal + " is not 0.." + (all.length - 1));
    }
    return all[ordinal];
  }

  private static VoteDirection direction(byte value) throws IOException {
    for (VoteDirection d : VoteDirection.values()) {
      if (d.value() == value) {
        return d;
      }
    }
    throw new IOException("vote direction " + value + " is not -1, 0 or 1");
  }

  private static void string(DataOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > STRING_MAX_BYTES) {
      throw new IOException("string of " + n + " bytes; the limit is " + STRING_MAX_BYTES);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
