package org.redditclone.engine.journal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes snapshots and deletes what they replace. A snapshot is built from the files alone (the
 * previous snapshot and the closed segments), never from the live engine, so it needs no pause.
 */
final class Snapshots {

  private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

  private Snapshots() {}

  /**
   * Writes {@code snapshot-<upTo>.snap} from the newest older snapshot and every segment below
   * {@code upTo}, then deletes those segments and older snapshots. Returns the events written.
   */
  static long compact(Path dir, long upTo) throws IOException {
    long started = System.nanoTime();
    StateFold fold = new StateFold();
    List<Long> snapshots = JournalFiles.snapshots(dir);
    long base = 0;
    for (long s : snapshots) {
      if (s < upTo) {
        base = s;
      }
    }
    if (base > 0) {
      readStrict(JournalFiles.snapshot(dir, base), JournalFiles.SNAPSHOT_MAGIC, fold);
    }
    for (long seg : JournalFiles.segments(dir)) {
      if (seg >= base && seg < upTo) {
        readStrict(JournalFiles.segment(dir, seg), JournalFiles.SEGMENT_MAGIC, fold);
      }
    }
    long written = write(dir, upTo, fold);
    deleteBefore(dir, upTo);
    log.info("snapshot {} written: {} events folded into {} in {} ms", JournalFiles.snapshot(dir, upTo),
        fold.folded(), written, (System.nanoTime() - started) / 1_000_000);
    return written;
  }

  private static void readStrict(Path file, byte[] magic, StateFold fold) throws IOException {
    RecordFiles.Outcome o = RecordFiles.read(file, magic, fold);
    if (!o.clean()) {
      throw new JournalDamagedException(file, o.offset(), "cannot snapshot: "
          + RecordFiles.where(file, o.offset()) + ": " + o.problem());
    }
  }

  /** Writes the fold as snapshot {@code index}: to a temporary file, forced, then renamed. */
  static long write(Path dir, long index, StateFold fold) throws IOException {
    Path target = JournalFiles.snapshot(dir, index);
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    long[] count = {0};
    try {
      writeTmp(tmp, fold, count);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp); // on a full disk, the space the journal needs most
      } catch (IOException notDeleted) {
        e.addSuppressed(notDeleted);
      }
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    JournalFiles.syncDirectory(dir);
    return count[0];
  }

  private static void writeTmp(Path tmp, StateFold fold, long[] count) throws IOException {
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      OutputStream raw = Channels.newOutputStream(ch);
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
      out.write(JournalFiles.SNAPSHOT_MAGIC);
      IOException[] failed = {null};
      fold.emit(e -> {
        if (failed[0] != null) {
          return;
        }
        byte[] payload = EventCodec.encode(e);
        try {
          out.writeInt(payload.length);
          out.writeInt(Frames.crc(payload, 0, payload.length));
          out.write(payload);
          count[0]++;
        } catch (IOException x) {
          failed[0] = x;
        }
      });
      if (failed[0] != null) {
        throw failed[0];
      }
      out.flush();
      ch.force(true);
    }
  }

  /** Deletes segments and snapshots numbered below {@code index}: snapshot {@code index} holds them. */
  static void deleteBefore(Path dir, long index) throws IOException {
    int deleted = 0;
    for (long seg : JournalFiles.segments(dir)) {
      if (seg < index && Files.deleteIfExists(JournalFiles.segment(dir, seg))) {
        deleted++;
      }
    }
    for (long s : JournalFiles.snapshots(dir)) {
      if (s < index && Files.deleteIfExists(JournalFiles.snapshot(dir, s))) {
        deleted++;
      }
    }
    if (deleted > 0) {
      JournalFiles.syncDirectory(dir);
      log.info("deleted {} journal files before {} (snapshot {} holds them)", deleted,
          JournalFiles.segment(dir, index).getFileName(), JournalFiles.snapshot(dir, index).getFileName());
    }
  }
}
