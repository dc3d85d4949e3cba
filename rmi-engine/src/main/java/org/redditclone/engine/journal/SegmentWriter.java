package org.redditclone.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment file the journal appends to. Only the journal's writer thread calls it (and the
 * opening thread before that thread starts), so it needs no lock; {@link #index()} is the one
 * value other threads read.
 */
final class SegmentWriter {

  /** Opens a new segment file for writing; tests pass one whose channel fails on cue. */
  @FunctionalInterface
  interface Opener {
    FileChannel open(Path file) throws IOException;
  }

  /** Creates the file, failing if it exists: a segment is never written twice. */
  static final Opener FILES =
      file -> FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  private static final Logger log = LoggerFactory.getLogger(SegmentWriter.class);

  private final Path dir;
  private final Opener opener;
  private FileChannel channel;
  private volatile long index; // read by stats()
  private long bytes;

  SegmentWriter(Path dir, Opener opener) {
    this.dir = dir;
    this.opener = opener;
  }

  /**
   * Creates segment {@code next} with its header, forced, and its directory entry synced.
   *
   * @throws IOException naming the file, if it cannot be created or written
   */
  void open(long next) throws IOException {
    Path file = JournalFiles.segment(dir, next);
    try {
      channel = opener.open(file);
      channel.write(ByteBuffer.wrap(JournalFiles.SEGMENT_MAGIC));
      channel.force(true);
    } catch (IOException e) {
      // A file left with part of its header is a torn tail that recovery deletes.
      throw new IOException(reason(e) + " (creating " + file.getFileName() + ")", e);
    }
    JournalFiles.syncDirectory(dir);
    index = next;
    bytes = JournalFiles.MAGIC_BYTES;
    log.debug("journal segment {} opened", file);
  }

  /** Writes all of {@code batch}; a failure may leave part of it in the file (see {@link #cutBack}). */
  void write(ByteBuffer batch) throws IOException {
    int n = batch.remaining();
    while (batch.hasRemaining()) {
      channel.write(batch);
    }
    bytes += n;
  }

  /** Forces what was written to the disk. */
  void force() throws IOException {
    channel.force(false);
  }

  /**
   * Cuts the segment back to {@code size} bytes, dropping whatever a failed batch left after it,
   * and forces that. Returns whether it worked: only then are that batch's events known to be
   * absent from the journal, on disk as after a restart.
   */
  boolean cutBack(long size) {
    try {
      channel.truncate(size);
      channel.force(true);
      bytes = size;
      return true;
    } catch (IOException | RuntimeException e) {
      log.error("could not cut {} back to {} bytes after a failed write: {}; the events of that"
          + " write may or may not be replayed", JournalFiles.segment(dir, index), size, e.toString());
      return false;
    }
  }

  /** Closes this segment, whole on disk, and opens the next. */
  void roll() throws IOException {
    channel.force(false); // a closed segment is whole on disk before anything relies on it
    channel.close();
    open(index + 1);
  }

  /** Closes the segment; a failure is logged, since everything was forced before. */
  void close() {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      log.warn("closing journal segment {} failed: {}", JournalFiles.segment(dir, index), e.toString());
    }
  }

  /** Returns the number of the segment being written. */
  long index() {
    return index;
  }

  /** Returns the bytes in the segment being written, header included. */
  long bytes() {
    return bytes;
  }

  /** Returns what went wrong in words: the message, or the kind of error if it has none. */
  static String reason(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
