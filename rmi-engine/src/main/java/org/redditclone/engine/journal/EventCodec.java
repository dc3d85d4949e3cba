package org.redditclone.engine.journal;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.IOException;
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
    Writer writer = new Writer();
    event.accept(writer);
    return writer.bytes.toByteArray();
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

  /** Writes each kind of event: its tag, then its fields in declaration order. */
  private static final class Writer implements Event.Visitor {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);

    @Override
    public void visit(UserRegistered e) {
      tag(USER_REGISTERED).i32(e.userId()).string(e.username()).i32(e.iterations()).string(e.salt())
          .string(e.hash()).i64(e.atMillis());
    }

    @Override
    public void visit(SessionOpened e) {
      tag(SESSION_OPENED).string(e.tokenHash()).i32(e.userId()).i64(e.atMillis());
    }

    @Override
    public void visit(SessionClosed e) {
      tag(SESSION_CLOSED).string(e.tokenHash()).i32(e.userId()).i64(e.atMillis());
    }

    @Override
    public void visit(PresenceChanged e) {
      tag(PRESENCE_CHANGED).i32(e.userId()).bool(e.online()).i64(e.atMillis());
    }

    @Override
    public void visit(SubredditCreated e) {
      tag(SUBREDDIT_CREATED).i32(e.subredditId()).string(e.name()).string(e.description())
          .i32(e.creatorId()).i64(e.atMillis()).i64(e.requestId());
    }

    @Override
    public void visit(MembershipChanged e) {
      tag(MEMBERSHIP_CHANGED).i32(e.userId()).i32(e.subredditId()).bool(e.joined()).i64(e.atMillis())
          .i64(e.requestId());
    }

    @Override
    public void visit(PostSubmitted e) {
      tag(POST_SUBMITTED).i64(e.postId()).i32(e.subredditId()).i32(e.authorId()).string(e.title())
          .string(e.body()).i64(e.originalId()).i64(e.atMillis()).i64(e.requestId());
    }

    @Override
    public void visit(PostDeleted e) {
      tag(POST_DELETED).i64(e.postId()).i64(e.atMillis()).i64(e.requestId());
    }

    @Override
    public void visit(CommentAdded e) {
      tag(COMMENT_ADDED).i64(e.commentId()).i64(e.postId()).i64(e.parentId()).i32(e.authorId())
          .string(e.body()).i64(e.atMillis()).i64(e.requestId());
    }

    @Override
    public void visit(CommentDeleted e) {
      tag(COMMENT_DELETED).i64(e.commentId()).i64(e.atMillis()).i64(e.requestId());
    }

    @Override
    public void visit(VoteCast e) {
      tag(VOTE_CAST).i8(e.target().ordinal()).i64(e.itemId()).i32(e.userId())
          .i8(e.direction().value()).i64(e.atMillis()).i64(e.requestId());
    }

    @Override
    public void visit(MessageSent e) {
      tag(MESSAGE_SENT).i64(e.messageId()).i64(e.conversationId()).i64(e.inReplyTo()).i32(e.fromId())
          .i32(e.toId()).string(e.subject()).string(e.body()).i64(e.atMillis()).i64(e.requestId());
    }

    @Override
    public void visit(MessageRead e) {
      tag(MESSAGE_READ).i64(e.messageId()).i64(e.atMillis());
    }

    @Override
    public void visit(RequestsRemembered e) {
      tag(REQUESTS_REMEMBERED).i32(e.userId()).i32(e.requestIds().length);
      for (int i = 0; i < e.requestIds().length; i++) {
        i64(e.requestIds()[i]).i8(e.kinds()[i]).i64(e.resultIds()[i]);
      }
      i64(e.atMillis());
    }

    // Big-endian, as DataInput reads them back; memory cannot fail, so no IOException.

    private Writer tag(byte tag) {
      return i8(tag);
    }

    private Writer i8(int v) {
      bytes.write(v);
      return this;
    }

    private Writer bool(boolean v) {
      return i8(v ? 1 : 0);
    }

    private Writer i32(int v) {
      return i8(v >>> 24).i8(v >>> 16).i8(v >>> 8).i8(v);
    }

    private Writer i64(long v) {
      return i32((int) (v >>> 32)).i32((int) v);
    }

    private Writer string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      i32(b.length);
      bytes.write(b, 0, b.length);
      return this;
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
