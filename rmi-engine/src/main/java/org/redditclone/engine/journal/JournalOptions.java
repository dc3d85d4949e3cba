package org.redditclone.engine.journal;

import java.time.Duration;
import java.util.Objects;

/**
 * How the journal writes and compacts.
 *
 * @param fsync when written events are forced to disk
 * @param fsyncInterval how often {@link FsyncPolicy#INTERVAL} forces
 * @param snapshotEvery events appended between two snapshots; 0 turns snapshots off
 * @param segmentBytes size after which the writer starts a new segment file
 * @param repair whether recovery may drop a damaged record and everything after it
 */
public record JournalOptions(
    FsyncPolicy fsync, Duration fsyncInterval, long snapshotEvery, long segmentBytes, boolean repair) {

  /** Nothing lost to a killed process, at most 100 ms to a machine crash, no fsync per call; see the README. */
  public static final FsyncPolicy DEFAULT_FSYNC = FsyncPolicy.INTERVAL;

  public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofMillis(100);

  /** About a minute of heavy load; a restart then replays at most this many events past the snapshot. */
  public static final long DEFAULT_SNAPSHOT_EVERY = 1_000_000;

  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  public JournalOptions {
    Objects.requireNonNull(fsync, "fsync");
    Objects.requireNonNull(fsyncInterval, "fsyncInterval");
    if (fsyncInterval.isNegative() || fsyncInterval.isZero()) {
      throw new IllegalArgumentException("fsyncInterval must be positive: " + fsyncInterval);
    }
    if (snapshotEvery < 0) {
      throw new IllegalArgumentException("snapshotEvery cannot be negative: " + snapshotEvery);
    }
    if (segmentBytes < 1024) {
      throw new IllegalArgumentException("segmentBytes cannot be less than 1024: " + segmentBytes);
    }
  }

  /** Returns the defaults: interval fsync every 100 ms, a snapshot every 1,000,000 events, 64 MiB segments. */
  public static JournalOptions defaults() {
    return new JournalOptions(DEFAULT_FSYNC, DEFAULT_FSYNC_INTERVAL, DEFAULT_SNAPSHOT_EVERY,
        DEFAULT_SEGMENT_BYTES, false);
  }

  public JournalOptions withFsync(FsyncPolicy p) {
    return new JournalOptions(p, fsyncInterval, snapshotEvery, segmentBytes, repair);
  }

  public JournalOptions withFsyncInterval(Duration d) {
    return new JournalOptions(fsync, d, snapshotEvery, segmentBytes, repair);
  }

  public JournalOptions withSnapshotEvery(long n) {
    return new JournalOptions(fsync, fsyncInterval, n, segmentBytes, repair);
  }

  public JournalOptions withSegmentBytes(long n) {
    return new JournalOptions(fsync, fsyncInterval, snapshotEvery, n, repair);
  }

  public JournalOptions withRepair(boolean r) {
    return new JournalOptions(fsync, fsyncInterval, snapshotEvery, segmentBytes, r);
  }
}
