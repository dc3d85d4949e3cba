package org.redditclone.api;

import java.io.Externalizable;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The serialized form of this package's values: {@link Post}, {@link Comment}, {@link Message},
 * {@link Subreddit}, {@link UserProfile}, {@link Score}, {@link Session}, {@link Caller},
 * {@link WriteCounts}, {@link Page} and {@link CommentList} replace themselves with one of these
 * when written ({@code writeReplace}), and it resolves back to an equal value when read. Not for
 * direct use.
 *
 * <p>Why: RMI writes every call's arguments and result into a fresh object stream, so default
 * serialization sends and resolves a class descriptor for every class in a result (the page, its
 * list, the record of its items) in every call, and looks every object up in two identity tables.
 * That was most of the CPU per call of both the engine and the clients (docs/PERFORMANCE.md).
 * Written this way, a result costs one small descriptor and its fields as plain data.
 *
 * <p>The values read this way pass the JEP 290 filter as one object, so this applies the limits
 * itself: at most {@link Limits#PAGE_MAX} items in a page, {@link Limits#TREE_MAX} comments in a
 * list and {@link #STRING_BYTES_MAX} bytes in a string; anything else, or an unknown kind, is
 * rejected with {@link InvalidObjectException}. A page item of another type is written as an
 * object of its own, under the filter.
 */
public final class WireForm implements Externalizable {

  @Serial private static final long serialVersionUID = 1L;

  /** The longest string read, in UTF-8 bytes: a 40,000-character body is at most 120,000. */
  static final int STRING_BYTES_MAX = 200_000;

  static final byte POST = 1;
  static final byte COMMENT = 2;
  static final byte MESSAGE = 3;
  static final byte SUBREDDIT = 4;
  static final byte USER_PROFILE = 5;
  static final byte SCORE = 6;
  static final byte SESSION = 7;
  static final byte CALLER = 8;
  static final byte PAGE = 9;
  static final byte COMMENT_LIST = 10;
  static final byte OBJECT = 11;
  static final byte WRITE_COUNTS = 12;

  private static final VoteDirection[] DIRECTIONS = VoteDirection.values();

  /** The largest scratch buffer a thread keeps for strings; see {@link #scratch}. */
  static final int SCRATCH_KEPT_MAX = 64 * 1024;
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1024]);

  /** The value written, or read and not yet resolved. */
  private Object value;

  /** For deserialization only. */
  public WireForm() {}

  WireForm(Object value) {
    this.value = value;
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    write(out, value);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
    value = read(in, in.readByte(), true);
  }

  @Serial
  private Object readResolve() {
    return value;
  }

  private static void write(ObjectOutput out, Object v) throws IOException {
    if (v instanceof Post p) {
      out.writeByte(POST);
      writePost(out, p);
    } else if (v instanceof Comment c) {
      out.writeByte(COMMENT);
      writeComment(out, c);
    } else if (v instanceof Message m) {
      out.writeByte(MESSAGE);
      writeMessage(out, m);
    } else if (v instanceof Subreddit s) {
      out.writeByte(SUBREDDIT);
      writeString(out, s.name());
      writeString(out, s.description());
      writeString(out, s.creator());
      out.writeLong(s.createdAtMillis());
      out.writeInt(s.members());
    } else if (v instanceof UserProfile u) {
      out.writeByte(USER_PROFILE);
      writeString(out, u.username());
      out.writeLong(u.postKarma());
      out.writeLong(u.commentKarma());
      out.writeLong(u.createdAtMillis());
      out.writeBoolean(u.online());
    } else if (v instanceof Score s) {
      out.writeByte(SCORE);
      out.writeLong(s.id());
      out.writeInt(s.ups());
      out.writeInt(s.downs());
      out.writeByte(s.myVote() == null ? -1 : s.myVote().ordinal());
    } else if (v instanceof Session s) {
      out.writeByte(SESSION);
      writeString(out, s.token());
      writeString(out, s.username());
    } else if (v instanceof Caller c) {
      out.writeByte(CALLER);
      writeString(out, c.token());
      out.writeLong(c.requestId());
    } else if (v instanceof WriteCounts w) {
      out.writeByte(WRITE_COUNTS);
      writeString(out, w.username());
      out.writeLong(w.posts());
      out.writeLong(w.comments());
      out.writeLong(w.votes());
      out.writeLong(w.messages());
      out.writeLong(w.memberships());
      out.writeLong(w.subreddits());
    } else if (v instanceof Page<?> p) {
      out.writeByte(PAGE);
      writeString(out, p.nextCursor());
      List<?> items = p.items();
      out.writeInt(items == null ? -1 : items.size());
      if (items != null) {
        for (Object item : items) {
          if (item instanceof Page<?> || item instanceof CommentList) {
            out.writeByte(OBJECT); // nested: a WireForm of its own, read under the filter
            out.writeObject(item);
          } else {
            write(out, item);
          }
        }
      }
    } else if (v instanceof CommentList list) {
      out.writeByte(COMMENT_LIST);
      out.writeInt(list.size());
      for (Comment c : list) {
        writeComment(out, c);
      }
    } else {
      out.writeByte(OBJECT);
      out.writeObject(v);
    }
  }

  /** Reads a value of {@code kind}; only a top-level value may be a page or a list. */
  private static Object read(ObjectInput in, byte kind, boolean top)
      throws IOException, ClassNotFoundException {
    switch (kind) {
      case POST:
        return readPost(in);
      case COMMENT:
        return readComment(in);
      case MESSAGE:
        return new Message(in.readLong(), in.readLong(), in.readLong(), readString(in),
            readString(in), readString(in), readString(in), in.readLong(), in.readBoolean());
      case SUBREDDIT:
        return new Subreddit(readString(in), readString(in), readString(in), in.readLong(),
            in.readInt());
      case USER_PROFILE:
        return new UserProfile(readString(in), in.readLong(), in.readLong(), in.readLong(),
            in.readBoolean());
      case SCORE:
        return new Score(in.readLong(), in.readInt(), in.readInt(), direction(in.readByte()));
      case SESSION:
        return new Session(readString(in), readString(in));
      case CALLER:
        return new Caller(readString(in), in.readLong());
      case WRITE_COUNTS:
        return new WriteCounts(readString(in), in.readLong(), in.readLong(), in.readLong(),
            in.readLong(), in.readLong(), in.readLong());
      case OBJECT:
        return in.readObject();
      case PAGE:
        if (top) {
          return readPage(in);
        }
        break;
      case COMMENT_LIST:
        if (top) {
          return readCommentList(in);
        }
        break;
      default:
        break;
    }
    throw new InvalidObjectException("unknown or misplaced value kind " + kind);
  }

  private static Page<?> readPage(ObjectInput in) throws IOException, ClassNotFoundException {
    String cursor = readString(in);
    int count = in.readInt();
    if (count == -1) {
      return newPage(null, cursor);
    }
    checkCount("page", count, Limits.PAGE_MAX);
    Object[] items = new Object[count];
    for (int i = 0; i < count; i++) {
      items[i] = read(in, in.readByte(), false);
    }
    return newPage(Arrays.asList(items), cursor);
  }

  /** Items read are records, strings or objects the filter allowed: all serializable. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Page<?> newPage(List<?> items, String cursor) {
    if (items == null) {
      return new Page(null, cursor);
    }
    // List.copyOf rejects null items; a page with a null item keeps it, as it was written
    return new Page(items.contains(null) ? Collections.unmodifiableList(items)
        : List.copyOf(items), cursor);
  }

  private static CommentList readCommentList(ObjectInput in) throws IOException {
    int count = in.readInt();
    checkCount("comment list", count, Limits.TREE_MAX);
    Comment[] comments = new Comment[count];
    for (int i = 0; i < count; i++) {
      comments[i] = readComment(in);
    }
    return CommentList.wrap(comments);
  }

  private static void checkCount(String what, int count, int max) throws InvalidObjectException {
    if (count < 0 || count > max) {
      throw new InvalidObjectException(what + " of " + count + " items; the limit is " + max);
    }
  }

  private static VoteDirection direction(byte ordinal) throws InvalidObjectException {
    if (ordinal == -1) {
      return null;
    }
    if (ordinal < 0 || ordinal >= DIRECTIONS.length) {
      throw new InvalidObjectException("unknown vote direction " + ordinal);
    }
    return DIRECTIONS[ordinal];
  }

  private static void writePost(ObjectOutput out, Post p) throws IOException {
    out.writeLong(p.id());
    writeString(out, p.subreddit());
    writeString(out, p.author());
    writeString(out, p.title());
    writeString(out, p.body());
    out.writeLong(p.createdAtMillis());
    out.writeInt(p.ups());
    out.writeInt(p.downs());
    out.writeInt(p.commentCount());
    out.writeLong(p.originalId());
    writeString(out, p.originalAuthor());
    out.writeBoolean(p.deleted());
  }

  private static Post readPost(ObjectInput in) throws IOException {
    return new Post(in.readLong(), readString(in), readString(in), readString(in),
        readString(in), in.readLong(), in.readInt(), in.readInt(), in.readInt(), in.readLong(),
        readString(in), in.readBoolean());
  }

  private static void writeComment(ObjectOutput out, Comment c) throws IOException {
    out.writeLong(c.id());
    out.writeLong(c.postId());
    out.writeLong(c.parentId());
    out.writeInt(c.depth());
    writeString(out, c.author());
    writeString(out, c.body());
    out.writeLong(c.createdAtMillis());
    out.writeInt(c.ups());
    out.writeInt(c.downs());
    out.writeBoolean(c.deleted());
  }

  private static Comment readComment(ObjectInput in) throws IOException {
    return new Comment(in.readLong(), in.readLong(), in.readLong(), in.readInt(),
        readString(in), readString(in), in.readLong(), in.readInt(), in.readInt(),
        in.readBoolean());
  }

  private static void writeMessage(ObjectOutput out, Message m) throws IOException {
    out.writeLong(m.id());
    out.writeLong(m.conversationId());
    out.writeLong(m.inReplyTo());
    writeString(out, m.from());
    writeString(out, m.to());
    writeString(out, m.subject());
    writeString(out, m.body());
    out.writeLong(m.sentAtMillis());
    out.writeBoolean(m.read());
  }

  /**
   * Writes a string as its UTF-8 length (-1 for null) and bytes: not writeUTF, which is limited
   * to 65,535 bytes and scans the string twice. The bytes are encoded into the thread's scratch
   * buffer, not a new array per string (a page has over a hundred strings), and are the same as
   * {@link String#getBytes(java.nio.charset.Charset) getBytes(UTF_8)}: an unpaired surrogate
   * becomes '?'.
   */
  static void writeString(ObjectOutput out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    int chars = s.length();
    byte[] buf = scratch(chars * 3); // a char takes at most 3 bytes; a surrogate pair 4 for 2
    int n = 0;
    for (int i = 0; i < chars; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        buf[n++] = (byte) c;
      } else if (c < 0x800) {
        buf[n++] = (byte) (0xC0 | c >> 6);
        buf[n++] = (byte) (0x80 | c & 0x3F);
      } else if (!Character.isSurrogate(c)) {
        buf[n++] = (byte) (0xE0 | c >> 12);
        buf[n++] = (byte) (0x80 | c >> 6 & 0x3F);
        buf[n++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < chars
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[n++] = (byte) (0xF0 | cp >> 18);
        buf[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
        buf[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buf[n++] = (byte) (0x80 | cp & 0x3F);
      } else {
        buf[n++] = '?';
      }
    }
    out.writeInt(n);
    out.write(buf, 0, n);
  }

  static String readString(ObjectInput in) throws IOException {
    int length = in.readInt();
    if (length == -1) {
      return null;
    }
    if (length < 0 || length > STRING_BYTES_MAX) {
      throw new InvalidObjectException(
          "string of " + length + " bytes; the limit is " + STRING_BYTES_MAX);
    }
    byte[] bytes = scratch(length);
    in.readFully(bytes, 0, length);
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  /**
   * Returns this thread's scratch buffer of at least {@code size} bytes: one per RMI connection
   * thread, reused by every string of every call. Buffers over {@link #SCRATCH_KEPT_MAX} are
   * used once and not kept, so a rare long post does not pin its size to the thread.
   */
  private static byte[] scratch(int size) {
    byte[] buf = SCRATCH.get();
    if (buf.length >= size) {
      return buf;
    }
    byte[] bigger = new byte[Math.max(size, buf.length * 2)];
    if (bigger.length <= SCRATCH_KEPT_MAX) {
      SCRATCH.set(bigger);
    }
    return bigger;
  }
}
