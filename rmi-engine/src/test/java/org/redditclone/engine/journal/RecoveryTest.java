package org.redditclone.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.Event.Target;

/** What recovery does with a clean journal, a torn last record and a damaged one. */
final class RecoveryTest {

  private static final JournalOptions OPTS =
      JournalOptions.defaults().withFsync(FsyncPolicy.ALWAYS).withSnapshotEvery(0);

  @TempDir Path dir;

  /** Every kind of event, as they could follow each other. */
  static List<Event> sample() {
    return List.of(
        new Event.UserRegistered(1, "alice", 1000, "c2FsdA==", "aGFzaA==", 10),
        new Event.SessionOpened("tok", 1, 11),
        new Event.PresenceChanged(1, true, 12),
        new Event.SubredditCreated(1, "java", "about java \u2615", 1, 13),
        new Event.MembershipChanged(1, 1, false, 14),
        new Event.PostSubmitted(1, 1, 1, "title", "body ".repeat(20_000), 0, 15),
        new Event.PostSubmitted(2, 1, 1, "title", "", 1, 16),
        new Event.CommentAdded(1, 1, 0, 1, "c", 17),
        new Event.CommentAdded(2, 1, 1, 1, "r", 18),
        new Event.VoteCast(Target.POST, 1, 1, VoteDirection.UP, 19),
        new Event.VoteCast(Target.COMMENT, 2, 1, VoteDirection.DOWN, 20),
        new Event.PostDeleted(2, 21),
        new Event.CommentDeleted(2, 22),
        new Event.MessageSent(1, 1, 0, 1, 1, "s", "m", 23),
        new Event.MessageRead(1, 24),
        new Event.SessionClosed("tok", 1, 25));
  }

  private List<Event> write(List<Event> events) throws IOException {
    List<Event> replayed = new ArrayList<>();
    try (Journal j = Journal.open(dir, OPTS, replayed::add, e -> {})) {
      events.forEach(j::accept);
    }
    return replayed;
  }

  private List<Event> reopen(JournalOptions opts) throws IOException {
    List<Event> replayed = new ArrayList<>();
    Journal.open(dir, opts, replayed::add, e -> {}).close();
    return replayed;
  }

  @Test
  void everyEventKind_roundTripsThroughTheCodec() throws IOException {
    for (Event e : sample()) {
      assertEquals(e, EventCodec.decode(EventCodec.encode(e)));
    }
  }

  @Test
  void reopen_replaysEveryEventInOrder_acrossSegments() throws IOException {
    write(sample());
    write(List.of(new Event.PostDeleted(1, 30)));
    List<Event> expected = new ArrayList<>(sample());
    expected.add(new Event.PostDeleted(1, 30));
    assertEquals(expected, reopen(OPTS));
  }

  @Test
  void tornLastRecord_isDroppedAndCutOff() throws IOException {
    write(sample());
    Path seg = JournalFiles.segment(dir, 1);
    long whole = Files.size(seg);
    try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
      f.setLength(whole - 3); // the last record lost its last bytes
    }
    List<Event> replayed = reopen(OPTS);
    assertEquals(sample().subList(0, sample().size() - 1), replayed);
    long lastRecord = whole - Frames.HEADER_BYTES - EventCodec.encode(sample().get(sample().size() - 1)).length;
    assertEquals(lastRecord, Files.size(seg), "cut at the torn record");
    assertEquals(replayed, reopen(OPTS), "a second start finds a clean journal");
  }

  @Test
  void zerosAtTheEnd_areATornTail() throws IOException {
    write(sample());
    Path seg = JournalFiles.segment(dir, 1);
    try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
      f.setLength(f.length() + 4096); // the file grew but its data never reached the disk
    }
    assertEquals(sample(), reopen(OPTS));
  }

  @Test
  void damagedRecordBeforeTheEnd_stopsTheStart_namingFileAndOffset() throws IOException {
    write(sample());
    Path seg = JournalFiles.segment(dir, 1);
    long offset = recordOffset(seg, 3);
    flipByte(seg, offset + Frames.HEADER_BYTES + 2);
    JournalDamagedException e = assertThrows(JournalDamagedException.class, () -> reopen(OPTS));
    assertEquals(seg, e.file());
    assertEquals(offset, e.offset());
    assertTrue(e.getMessage().contains(seg + " at offset " + offset), e.getMessage());
    assertTrue(e.getMessage().contains("--repair"), e.getMessage());
  }

  @Test
  void repair_keepsWhatIsBeforeTheDamage_andMovesTheRestAside() throws IOException {
    write(sample());
    write(List.of(new Event.PostDeleted(1, 30))); // a later segment, dropped too
    Path seg = JournalFiles.segment(dir, 1);
    flipByte(seg, recordOffset(seg, 3) + Frames.HEADER_BYTES + 2);
    List<Event> replayed = reopen(OPTS.withRepair(true));
    assertEquals(sample().subList(0, 3), replayed);
    assertTrue(Files.exists(dir.resolve("journal-000001.log.damaged")));
    assertTrue(Files.exists(dir.resolve("journal-000002.log.damaged")));
    assertEquals(replayed, reopen(OPTS), "after repair the journal is clean");
  }

  @Test
  void snapshot_replacesTheSegmentsBeforeIt() throws IOException {
    write(sample());
    write(List.of(new Event.PostDeleted(1, 30)));
    Snapshots.compact(dir, 3);
    assertEquals(List.of(3L), JournalFiles.snapshots(dir));
    assertTrue(JournalFiles.segments(dir).stream().allMatch(s -> s >= 3));
    List<Event> fromSnapshot = reopen(OPTS);
    assertTrue(fromSnapshot.contains(new Event.PostDeleted(1, 30)));
    assertTrue(fromSnapshot.size() < sample().size() + 1, "compacted: " + fromSnapshot);
  }

  /** Returns the offset of record {@code index} (0 for the first) of segment {@code seg}. */
  static long recordOffset(Path seg, int index) throws IOException {
    long offset = JournalFiles.MAGIC_BYTES;
    try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "r")) {
      for (int i = 0; i < index; i++) {
        f.seek(offset);
        offset += Frames.HEADER_BYTES + f.readInt();
      }
    }
    return offset;
  }

  private static void flipByte(Path file, long at) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0xFF);
    }
  }
}
