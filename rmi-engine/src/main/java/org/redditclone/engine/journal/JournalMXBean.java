package org.redditclone.engine.journal;

/** The journal over JMX as {@code org.redditclone:type=Journal}. */
public interface JournalMXBean {

  String getFsyncPolicy();

  long getRecoveredEvents();

  long getRecoveryMillis();

  long getAppendedEvents();

  long getDurableEvents();

  long getBatches();

  long getForces();

  long getBytesWritten();

  long getSnapshotsWritten();

  long getSegment();

  /** Returns the startup invariant check's outcome in words. */
  String getInvariantCheck();

  /** Returns how many values differed in the startup invariant check; 0 when they hold. */
  long getInvariantViolations();
}
