package org.redditclone.engine.journal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.rmi.RemoteException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.redditclone.api.StorageFailedException;

/**
 * The hand-over between the threads that append events and the one thread that writes them: the
 * batch being filled, how far the writer got, and whether the journal failed. Callers append a
 * frame under a short lock and get a sequence number; the writer takes the whole batch at once and
 * reports it written (and forced), waking every caller in it: group commit.
 */
final class GroupCommit {

  static final int BATCH_BYTES = 1 << 20;

  /** A batch the writer took: its frames (ready to read), and the events in it, {@code from < seq <= upTo}. */
  record Batch(ByteBuffer frames, long from, long upTo, boolean last) {}

  private final Path dir;
  private final boolean forcedBeforeAck;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition dataReady = lock.newCondition();
  private final Condition committed = lock.newCondition();

  // Guarded by lock.
  private ByteBuffer filling = ByteBuffer.allocate(BATCH_BYTES);
  private long appendedSeq;
  /** Events handed to the operating system: a killed process keeps them. */
  private long writtenSeq;
  /** Events forced to disk: a crashed machine keeps them. */
  private long durableSeq;
  private boolean closing;
  /** Written under lock; read without it by {@link #checkOpen()}, which every call makes. */
  private volatile JournalFailure failure;

  /** Creates the hand-over; {@code forcedBeforeAck} makes callers wait for the force too. */
  GroupCommit(Path dir, boolean forcedBeforeAck) {
    this.dir = dir;
    this.forcedBeforeAck = forcedBeforeAck;
  }

  /**
   * Appends a framed payload to the batch and returns its sequence number.
   *
   * @throws EventRefusedException if the journal failed or is closing
   */
  long append(byte[] payload) {
    lock.lock();
    try {
      if (failure != null) {
        throw new EventRefusedException(failure.notMade());
      }
      if (closing) {
        throw new EventRefusedException(new StorageFailedException("the engine's journal in " + dir
            + " is closing: the engine is stopping, and this change was not made"));
      }
      int need = Frames.HEADER_BYTES + payload.length;
      if (filling.remaining() < need) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(filling.capacity() * 2, filling.position() + need));
        filling.flip();
        bigger.put(filling);
        filling = bigger;
      }
      Frames.put(filling, payload);
      dataReady.signal();
      return ++appendedSeq;
    } finally {
      lock.unlock();
    }
  }

  /** Throws the refusal of every call once the journal failed. */
  void checkOpen() throws StorageFailedException {
    JournalFailure f = failure;
    if (f != null) {
      throw f.refused();
    }
  }

  /**
   * Waits until event {@code seq} may be acknowledged: written, and forced if the policy says so.
   *
   * @throws StorageFailedException if the journal failed and the event is known not to be in it
   * @throws RemoteException if the journal failed and the event may be in it, or on interrupt
   */
  void await(long seq) throws RemoteException, StorageFailedException {
    lock.lock();
    try {
      while (acknowledgeable() < seq && failure == null) {
        committed.await();
      }
      if (acknowledgeable() >= seq) {
        return;
      }
      if (failure.absent(seq)) {
        throw failure.notMade();
      }
      throw failure.unknown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteException("interrupted while waiting for the journal to write event " + seq, e);
    } finally {
      lock.unlock();
    }
  }

  private long acknowledgeable() {
    return forcedBeforeAck ? durableSeq : writtenSeq;
  }

  /**
   * Waits for events (or for closing) and returns them as one batch, handing {@code spare} in as
   * the next batch to fill. If written events wait for a force, waits no later than
   * {@code forceAtNanos} ({@link System#nanoTime()}) and may then return an empty batch.
   */
  Batch take(ByteBuffer spare, long forceAtNanos) throws InterruptedException {
    lock.lock();
    try {
      while (filling.position() == 0 && !closing) {
        if (writtenSeq > durableSeq && forceAtNanos != Long.MAX_VALUE) {
          long wait = forceAtNanos - System.nanoTime();
          if (wait <= 0) {
            break;
          }
          dataReady.awaitNanos(wait);
        } else {
          dataReady.await();
        }
      }
      ByteBuffer frames = filling;
      filling = spare;
      frames.flip();
      return new Batch(frames, writtenSeq, appendedSeq, closing && frames.remaining() == 0);
    } finally {
      lock.unlock();
    }
  }

  /** Records events up to {@code upTo} as written (and forced, if {@code forced}); wakes their callers. */
  void committed(long upTo, boolean forced) {
    lock.lock();
    try {
      writtenSeq = upTo;
      if (forced) {
        durableSeq = upTo;
      }
      committed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Records the failure: every waiting and later caller is refused. */
  void fail(JournalFailure f) {
    lock.lock();
    try {
      failure = f;
      committed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Refuses later events and lets the writer take the last batch and stop. */
  void close() {
    lock.lock();
    try {
      closing = true;
      dataReady.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Returns the number of events appended. */
  long appended() {
    lock.lock();
    try {
      return appendedSeq;
    } finally {
      lock.unlock();
    }
  }

  /** Returns the number of events forced to disk. */
  long durable() {
    lock.lock();
    try {
      return durableSeq;
    } finally {
      lock.unlock();
    }
  }
}
