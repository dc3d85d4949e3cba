package org.redditclone.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireFormTest {

  private static Post post(long id, String body) {
    return new Post(id, "rust", "alice", "title " + id, body, 1_700_000_000_000L + id, 3, 1, 7, 0,
        null, false);
  }

  private static Comment comment(long id, int depth) {
    return new Comment(id, 9, depth == 0 ? 0 : id - 1, depth, "bob", "reply " + id, 1_000 + id,
        2, 5, id % 7 == 0);
  }

  private static byte[] write(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }

  private static Object roundTrip(Object o) throws Exception {
    return read(write(o));
  }

  @Test
  void everyRecordRoundTripsEqual() throws Exception {
    String longBody = "é€😀".repeat(7_500) + "x".repeat(10_000); // 40,000 chars, 77,500 bytes
    List<Serializable> values = List.of(
        post(1, "plain body"),
        post(2, longBody),
        new Post(3, "rust", "bob", "Größe ✓ 日本語 😀", "", 5, 0, 0, 0, 1, "alice", false),
        new Post(5, null, null, null, null, Long.MIN_VALUE, Integer.MAX_VALUE,
            Integer.MIN_VALUE, -1, Long.MAX_VALUE, null, true),
        comment(4, 3),
        new Message(1, 1, 0, "alice", "bob", "hi ☃", "body 😀", 10, false),
        new Message(2, 1, 1, "bob", "alice", null, "x".repeat(10_000), 11, true),
        new Subreddit("gleam", "All about Gleam", "alice", 12, 3),
        new UserProfile("alice", -4, 17, 99, true),
        new Score(7, 3, 1, VoteDirection.DOWN),
        new Score(8, 0, 0, null),
        new Session("tok", "alice"),
        new Caller("tok", 42),
        new WriteCounts("u1_abcd_7", 3, 5, -1, Long.MAX_VALUE, 0, Long.MIN_VALUE));
    for (Serializable v : values) {
      assertEquals(v, roundTrip(v), v.getClass().getSimpleName());
    }
  }

  @Test
  void pagesOfEveryKindRoundTrip() throws Exception {
    List<Post> full = new ArrayList<>();
    for (int i = 1; i <= Limits.PAGE_MAX; i++) {
      full.add(post(i, "body " + i));
    }
    List<Page<?>> pages = List.of(
        new Page<>(List.copyOf(full), "next"),
        new Page<>(List.of(), null),
        new Page<>(List.of(new Message(1, 1, 0, "a", "b", "s", "m", 1, false)), ""),
        new Page<>(List.of(new Subreddit("a", "d", "c", 1, 2)), "HOT:12:34"),
        new Page<>(List.of(new WriteCounts("a", 1, 2, 3, 4, 5, 6), new WriteCounts(null, 0, 0, 0, 0, 0, 0)), "a"),
        new Page<>(List.of("other", "items"), "c"),
        new Page<>(null, null));
    for (Page<?> page : pages) {
      assertEquals(page, roundTrip(page));
    }
    Page<Serializable> nested = new Page<>(List.of(new Page<>(List.of(post(1, "b")), "in"),
        CommentList.copyOf(List.of(comment(2, 0)))), "out");
    assertEquals(nested, roundTrip(nested));
    Page<Serializable> withNull = new Page<>(Arrays.asList(post(1, "b"), null), null);
    assertEquals(withNull, roundTrip(withNull));
  }

  @Test
  void commentListsRoundTripAsCommentLists() throws Exception {
    List<Comment> comments = new ArrayList<>();
    for (int i = 1; i <= Limits.TREE_MAX; i++) {
      comments.add(comment(i, i % 12));
    }
    CommentList list = CommentList.copyOf(comments);
    Object back = roundTrip(list);
    assertInstanceOf(CommentList.class, back);
    assertEquals(comments, back);
    assertEquals(List.of(), roundTrip(CommentList.copyOf(List.of())));
    assertThrows(UnsupportedOperationException.class, () -> list.set(0, comment(1, 0)));
    assertThrows(NullPointerException.class,
        () -> CommentList.copyOf(Arrays.asList(comment(1, 0), null)));
  }

  @Test
  void aCommentListWrittenAsItselfIsRefused() throws Exception {
    // A stream naming CommentList and its array directly, as a crafted one could: written from a
    // look-alike class of the same serialized shape, its name then patched to CommentList's.
    byte[] stream = write(new CommentLizt(new Comment[] {null}));
    String text = new String(stream, StandardCharsets.ISO_8859_1);
    String from = CommentLizt.class.getName();
    String to = CommentList.class.getName();
    assertEquals(from.length(), to.length(), "same length keeps the stream valid");
    assertInstanceOf(CommentLizt.class, read(stream));
    byte[] crafted = text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    assertThrows(InvalidObjectException.class, () -> read(crafted));
  }

  @Test
  void recordsAreNotWrittenAsRecordObjects() throws Exception {
    Page<Post> page = new Page<>(List.of(post(1, "b")), null);
    String stream = new String(write(page), StandardCharsets.ISO_8859_1);
    assertTrue(stream.contains("org.redditclone.api.WireForm"));
    assertFalse(stream.contains("org.redditclone.api.Post"), "no Post class descriptor");
    assertFalse(stream.contains("org.redditclone.api.Page"), "no Page class descriptor");
    assertFalse(stream.contains("ImmutableCollections"), "no list object");

    String counts = new String(write(new Page<>(List.of(new WriteCounts("a", 1, 2, 3, 4, 5, 6)), null)),
        StandardCharsets.ISO_8859_1);
    assertFalse(counts.contains("org.redditclone.api.WriteCounts"), "no WriteCounts class descriptor");
  }

  /** Returns {@code stream} with the 4 bytes after the first {@code marker} set to {@code n}. */
  private static byte[] patchAfter(byte[] stream, byte[] marker, int n) {
    for (int i = 0; i + marker.length + 4 <= stream.length; i++) {
      if (Arrays.equals(stream, i, i + marker.length, marker, 0, marker.length)) {
        byte[] copy = stream.clone();
        int at = i + marker.length;
        copy[at] = (byte) (n >>> 24);
        copy[at + 1] = (byte) (n >>> 16);
        copy[at + 2] = (byte) (n >>> 8);
        copy[at + 3] = (byte) n;
        return copy;
      }
    }
    throw new AssertionError("marker not found");
  }

  @Test
  void hugeOrNegativeCountsAreRejected() throws Exception {
    byte[] page = write(new Page<>(List.of(post(1, "b")), null));
    byte[] pageHead = {WireForm.PAGE, -1, -1, -1, -1}; // kind, null cursor; then the count
    assertEquals(new Page<>(List.of(post(1, "b")), null), read(patchAfter(page, pageHead, 1)));
    for (int count : new int[] {Integer.MAX_VALUE, Limits.PAGE_MAX + 1, -5}) {
      assertThrows(InvalidObjectException.class, () -> read(patchAfter(page, pageHead, count)),
          "page count " + count);
    }
    byte[] list = write(CommentList.copyOf(List.of(comment(1, 0))));
    assertEquals(List.of(comment(1, 0)), read(patchAfter(list, new byte[] {WireForm.COMMENT_LIST},
        1)));
    for (int count : new int[] {Limits.TREE_MAX + 1, -1}) {
      assertThrows(InvalidObjectException.class,
          () -> read(patchAfter(list, new byte[] {WireForm.COMMENT_LIST}, count)),
          "list count " + count);
    }
  }

  @Test
  void hugeStringLengthsAndUnknownKindsAreRejected() throws Exception {
    byte[] stream = write(new Session("tok", "alice"));
    byte[] head = {WireForm.SESSION};
    assertEquals(new Session("tok", "alice"), read(patchAfter(stream, head, 3)));
    for (int length : new int[] {WireForm.STRING_BYTES_MAX + 1, -2}) {
      assertThrows(InvalidObjectException.class, () -> read(patchAfter(stream, head, length)),
          "length " + length);
    }
    byte[] unknown = stream.clone(); // the kind byte, followed by the token's length 3
    for (int i = 0; i + 4 < unknown.length; i++) {
      if (unknown[i] == WireForm.SESSION && unknown[i + 1] == 0 && unknown[i + 4] == 3) {
        unknown[i] = 99;
        break;
      }
    }
    byte[] withUnknownKind = unknown;
    assertThrows(InvalidObjectException.class, () -> read(withUnknownKind));
  }

  @Test
  void stringsAreWrittenAsTheirUtf8BytesAndReadBackEqual_throughOneReusedBuffer() throws Exception {
    String big = "ü😀".repeat(30_000); // 180,000 bytes: over the buffer a thread keeps
    List<String> strings = List.of("", "ascii", "é", "€ and 日本語", "😀", "\uD800", "\uDC00",
        "a\uD800b", "ends high \uD83D", "\uDE00\uD83D", "x".repeat(5_000), big, "after big", "é");
    for (String s : strings) {
      ByteArrayOutputStream mine = new ByteArrayOutputStream();
      ByteArrayOutputStream jdk = new ByteArrayOutputStream();
      try (ObjectOutputStream a = new ObjectOutputStream(mine);
          ObjectOutputStream b = new ObjectOutputStream(jdk)) {
        WireForm.writeString(a, s);
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        b.writeInt(utf8.length);
        b.write(utf8);
      }
      assertEquals(Arrays.toString(jdk.toByteArray()), Arrays.toString(mine.toByteArray()),
          s.length() > 20 ? s.substring(0, 20) : s);
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(mine.toByteArray()))) {
        assertEquals(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
            WireForm.readString(in));
      }
    }
  }
}
