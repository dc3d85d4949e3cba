package org.redditclone.engine.journal;

/**
 * What a journal has done since it opened.
 *
 * @param fsync the policy, as the command line spells it
 * @param recoveredEvents events loaded at start (snapshot and replay)
 * @param recoveryMillis how long that took
 * @param snapshotEvents of those, events from the snapshot
 * @param replayedEvents of those, events replayed from segments
 * @param appendedEvents events appended since start
 * @param durableEvents of those, events known forced to disk
 * @param batches batches written (group commits)
 * @param forces forces (fsyncs)
 * @param bytesWritten bytes written since start
 * @param snapshotsWritten snapshots written since start
 * @param segment the number of the segment being written
 */
public record JournalStats(String fsync, long recoveredEvents, long recoveryMillis, long snapshotEvents,
    long replayedEvents, long appendedEvents, long durableEvents, long batches, long forces,
    long bytesWritten, long snapshotsWritten, long segment) {}
