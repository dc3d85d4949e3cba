package org.redditclone.engine.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.rmi.RemoteException;
import org.redditclone.api.StorageFailedException;

/**
 * Why a journal stopped, and what it tells each caller from then on. Events numbered above
 * {@link #absentAfter} are known not to be in the journal (never written, or cut off again), so
 * their callers hear that the change was not made; a caller whose event may or may not have
 * reached the file (the cut failed) hears that its outcome is unknown, which a client answers by
 * repeating the request with the same request id once the engine is back.
 */
final class JournalFailure {

  private final Path dir;
  private final IOException cause;
  private final long absentAfter;

  JournalFailure(Path dir, IOException cause, long absentAfter) {
    this.dir = dir;
    this.cause = cause;
    this.absentAfter = absentAfter;
  }

  /** Returns the I/O error that stopped the journal. */
  IOException cause() {
    return cause;
  }

  /** Returns whether event {@code seq} is known not to be in the journal. */
  boolean absent(long seq) {
    return seq > absentAfter;
  }

  /** Returns the error for a change that was refused or whose event is not in the journal. */
  StorageFailedException notMade() {
    return new StorageFailedException(prefix() + "this change was not made");
  }

  /** Returns the error for a call refused before it ran, read or write. */
  StorageFailedException refused() {
    return new StorageFailedException(prefix() + "the engine is stopping: this call was refused"
        + " and changed nothing");
  }

  /**
   * Returns the error for a change whose event may be in the journal. A RemoteException on
   * purpose: the outcome is unknown, as when a connection drops mid-call, and clients repeat such
   * a call with the same request id, which a restarted engine applies at most once.
   */
  RemoteException unknown() {
    return new RemoteException(prefix() + "this change may or may not have been saved: repeat it"
        + " with the same request id once the engine is back");
  }

  private String prefix() {
    return "the engine's journal failed: " + SegmentWriter.reason(cause) + " in " + dir + "; ";
  }

  @Override
  public String toString() {
    return "JournalFailure[" + dir + ": " + cause + ", events after #" + absentAfter + " absent]";
  }
}
