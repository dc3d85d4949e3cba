/**
 * Durability: the journal of applied events, its recovery on start, and snapshots.
 *
 * <p>Every applied {@link org.redditclone.engine.events.Event} is framed as
 * {@code [int length][int CRC32C][payload]} and appended to a segment file
 * {@code journal-NNNNNN.log} in the data directory by one writer thread that commits callers in
 * groups ({@link org.redditclone.engine.journal.Journal}). A snapshot {@code snapshot-NNNNNN.snap}
 * holds the compact events that recreate the state of every segment before {@code NNNNNN}; after
 * it is in place those segments are deleted. On start, {@link
 * org.redditclone.engine.journal.Recovery} loads the newest snapshot and replays the segments after
 * it.
 *
 * <p>A call is acknowledged only once its events are written ({@link
 * org.redditclone.engine.journal.GroupCommit}); once a write or force fails, every call is refused
 * and the engine stops ({@link org.redditclone.engine.journal.JournalFailure}).
 */
package org.redditclone.engine.journal;
