package org.redditclone.engine.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.journal.Frames.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the state of a data directory: loads the newest snapshot, then replays every segment
 * after it. A record torn by a crash at the very end of the last segment is dropped with a warning
 * and cut off the file. Any other bad record stops recovery with a {@link JournalDamagedException}
 * that names the file and offset, unless {@code repair} is set: then everything before it is kept
 * and the rest is moved aside as {@code *.damaged} files, with a warning that says what.
 */
final class Recovery {

  private static final Logger log = LoggerFactory.getLogger(Recovery.class);

  /**
   * What recovery found.
   *
   * @param snapshotIndex the snapshot loaded, 0 if none
   * @param snapshotEvents events loaded from it
   * @param replayedEvents events replayed from segments after it
   * @param segments segments read
   * @param nextSegment the number the next segment file must take
   * @param millis how long recovery took
   * @param dropped what was dropped (torn tail or repair), empty if nothing
   */
  record Result(long snapshotIndex, long snapshotEvents, long replayedEvents, int segments,
      long nextSegment, long millis, List<String> dropped) {

    long totalEvents() {
      return snapshotEvents + replayedEvents;
    }
  }

  private Recovery() {}

  static Result run(Path dir, Consumer<Event> apply, boolean repair) throws IOException {
    long started = System.nanoTime();
    List<String> dropped = new ArrayList<>();
    List<Long> snapshots = JournalFiles.snapshots(dir);
    long snapshot = snapshots.isEmpty() ? 0 : snapshots.get(snapshots.size() - 1);
    long snapshotEvents = 0;
    if (snapshot > 0) {
      Path file = JournalFiles.snapshot(dir, snapshot);
      RecordFiles.Outcome o = RecordFiles.read(file, JournalFiles.SNAPSHOT_MAGIC, apply);
      if (!o.clean()) {
        // Snapshots are renamed into place only once complete, so this is damage, never a crash.
        throw new JournalDamagedException(file, o.offset(), "snapshot " + RecordFiles.where(file, o.offset())
            + " is damaged: " + o.problem() + "; --repair cannot fix a snapshot: restore it from a backup");
      }
      snapshotEvents = o.events();
    }
    List<Long> segments = new ArrayList<>();
    long highest = snapshot;
    for (long seg : JournalFiles.segments(dir)) {
      highest = Math.max(highest, seg);
      if (seg >= snapshot) {
        segments.add(seg);
      } else {
        // Left over from a crash between writing a snapshot and deleting what it replaces.
        Files.deleteIfExists(JournalFiles.segment(dir, seg));
      }
    }
    long replayed = 0;
    int read = 0;
    for (int i = 0; i < segments.size(); i++) {
      Path file = JournalFiles.segment(dir, segments.get(i));
      boolean last = i == segments.size() - 1;
      RecordFiles.Outcome o = RecordFiles.read(file, JournalFiles.SEGMENT_MAGIC, apply);
      read++;
      replayed += o.events();
      if (o.clean()) {
        continue;
      }
      if (o.end() == Kind.TORN && last) {
        long size = Files.size(file);
        String what = "torn record at the end of " + RecordFiles.where(file, o.offset()) + " (" + o.problem()
            + "): dropped " + (size - o.offset()) + " bytes";
        log.warn("{}; the engine stopped in the middle of writing it", what);
        dropped.add(what);
        cut(file, o.offset());
        continue;
      }
      String where = RecordFiles.where(file, o.offset());
      if (!repair) {
        throw new JournalDamagedException(file, o.offset(), "journal record " + where + " is damaged: "
            + o.problem() + "; " + (segments.size() - 1 - i) + " later segment(s) follow. Start with"
            + " --repair to keep the " + (snapshotEvents + replayed) + " events before it and drop the rest");
      }
      dropped.add(repairAt(dir, file, o, segments.subList(i + 1, segments.size())));
      break;
    }
    Result result = new Result(snapshot, snapshotEvents, replayed, read, highest + 1,
        (System.nanoTime() - started) / 1_000_000, List.copyOf(dropped));
    return result;
  }

  /** Keeps {@code file} up to the bad record; moves its rest and every later segment aside. */
  private static String repairAt(Path dir, Path file, RecordFiles.Outcome o, List<Long> later)
      throws IOException {
    long size = Files.size(file);
    Path copy = file.resolveSibling(file.getFileName() + ".damaged");
    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
    cut(file, o.offset());
    StringBuilder what = new StringBuilder("--repair: bad record at " + RecordFiles.where(file, o.offset())
        + " (" + o.problem() + "): dropped its last " + (size - o.offset()) + " bytes (whole file kept as "
        + copy.getFileName() + ")");
    for (long seg : later) {
      Path f = JournalFiles.segment(dir, seg);
      Path aside = f.resolveSibling(f.getFileName() + ".damaged");
      what.append(", and all of ").append(f.getFileName()).append(" (").append(Files.size(f))
          .append(" bytes, moved to ").append(aside.getFileName()).append(')');
      Files.move(f, aside, StandardCopyOption.REPLACE_EXISTING);
    }
    JournalFiles.syncDirectory(dir);
    log.warn("{}; kept the {} events before it", what, o.events());
    return what.toString();
  }

  /** Truncates {@code file} to {@code offset}, or deletes it if not even its header is whole. */
  private static void cut(Path file, long offset) throws IOException {
    if (offset < JournalFiles.MAGIC_BYTES) {
      Files.delete(file);
      return;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(offset);
      ch.force(true);
    }
  }
}
