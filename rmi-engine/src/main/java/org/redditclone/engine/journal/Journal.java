package org.redditclone.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.rmi.RemoteException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only journal of a data directory. Open it with {@link #open}, which first replays
 * what is on disk; then attach it as the engine's {@link EventSink}.
 *
 * <p>{@link #accept} encodes an event on the caller's thread and appends its frame to an in-memory
 * batch under a short lock, so the journal order is the order of {@code accept} calls, which the
 * engine makes under each item's lock. One writer thread takes the whole batch, writes it, and (for
 * {@link FsyncPolicy#ALWAYS}) forces it once for every caller in it: group commit. A caller waits
 * for its own events in {@link #awaitCallerEvents()}, which the engine's service wrappers call
 * before an RMI call returns, outside every item lock.
 *
 * <p>A failed write or force is fatal: the journal no longer matches the state in memory, so the
 * failure handler is called (the engine process halts) and every waiting caller gets a
 * {@link RemoteException}.
 */
public final class Journal implements EventSink, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Journal.class);
  private static final int BATCH_BYTES = 1 << 20;

  private final Path dir;
  private final JournalOptions options;
  private final Consumer<IOException> onFailure;
  private final Recovery.Result recovery;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition dataReady = lock.newCondition();
  private final Condition committed = lock.newCondition();
  private final ThreadLocal<long[]> callerSeq = ThreadLocal.withInitial(() -> new long[1]);
  private final Thread writer;
  /** The thread writing the newest snapshot, if one was started; {@link #close()} waits for it. */
  private volatile Thread snapshotter;
  private final AtomicBoolean compacting = new AtomicBoolean();
  private final AtomicLong forces = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong snapshots = new AtomicLong();

  // Guarded by lock.
  private ByteBuffer filling = ByteBuffer.allocate(BATCH_BYTES);
  private long appendedSeq;
  private long writtenSeq;
  private long durableSeq;
  private IOException failure;
  private boolean closing;

  // Writer thread only.
  private FileChannel channel;
  private volatile long segmentIndex; // read by stats()
  private long segmentBytes;
  private long sinceSnapshot;

  private volatile StateFold recoveredFold;
  private volatile InvariantCheck.Result invariantCheck;
  private AutoCloseable mbean = () -> {};

  private Journal(Path dir, JournalOptions options, Consumer<IOException> onFailure,
      Recovery.Result recovery, StateFold fold) throws IOException {
    this.recoveredFold = fold;
    this.dir = dir;
    this.options = options;
    this.onFailure = onFailure;
    this.recovery = recovery;
    this.sinceSnapshot = recovery.replayedEvents();
    openSegment(recovery.nextSegment());
    writer = new Thread(this::writeLoop, "journal-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Replays the snapshot and segments of {@code dir} into {@code apply}, then opens a new segment
   * for appending. Returns the journal, not yet attached to anything.
   *
   * @throws JournalDamagedException if a record before the end is damaged and repair is off
   */
  public static Journal open(Path dir, JournalOptions options, Consumer<Event> apply,
      Consumer<IOException> onFailure) throws IOException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(apply, "apply");
    Objects.requireNonNull(onFailure, "onFailure");
    Files.createDirectories(dir);
    StateFold fold = new StateFold();
    Recovery.Result r = Recovery.run(dir, apply.andThen(fold), options.repair());
    log.info("journal recovered {} events in {} ms from {} (snapshot {} with {} events, {} events replayed"
        + " from {} segment(s)); fsync {}", r.totalEvents(), r.millis(), dir,
        r.snapshotIndex() == 0 ? "none" : JournalFiles.snapshot(dir, r.snapshotIndex()).getFileName(),
        r.snapshotEvents(), r.replayedEvents(), r.segments(), options.fsync().optionValue()
            + (options.fsync() == FsyncPolicy.INTERVAL ? " every " + options.fsyncInterval().toMillis() + " ms" : ""));
    return new Journal(dir, options, onFailure, r, fold);
  }

  /** Appends an applied event; never blocks on I/O. */
  @Override
  public void accept(Event event) {
    byte[] payload = EventCodec.encode(event);
    long seq;
    lock.lock();
    try {
      if (failure != null || closing) {
        return; // the engine is going down; nothing more can be made durable
      }
      int need = Frames.HEADER_BYTES + payload.length;
      if (filling.remaining() < need) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(filling.capacity() * 2, filling.position() + need));
        filling.flip();
        bigger.put(filling);
        filling = bigger;
      }
      Frames.put(filling, payload);
      seq = ++appendedSeq;
      dataReady.signal();
    } finally {
      lock.unlock();
    }
    callerSeq.get()[0] = seq;
  }

  /** Makes this thread's next {@link #awaitCallerEvents()} wait for every event appended so far. */
  @Override
  public void dependOnPublished() {
    long upTo;
    lock.lock();
    try {
      upTo = appendedSeq;
    } finally {
      lock.unlock();
    }
    long[] mine = callerSeq.get();
    mine[0] = Math.max(mine[0], upTo);
  }

  /**
   * Waits until the events this thread appended since the last call are as durable as the policy
   * promises: forced to disk for {@link FsyncPolicy#ALWAYS}, handed to the writer otherwise.
   *
   * @throws RemoteException if the journal failed, or the thread was interrupted while waiting
   */
  public void awaitCallerEvents() throws RemoteException {
    long[] mine = callerSeq.get();
    long seq = mine[0];
    if (seq == 0) {
      return;
    }
    mine[0] = 0;
    if (options.fsync() != FsyncPolicy.ALWAYS) {
      return;
    }
    lock.lock();
    try {
      while (durableSeq < seq && failure == null) {
        committed.await();
      }
      if (durableSeq < seq) {
        throw new RemoteException("the engine's journal failed; this change is not durable", failure);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteException("interrupted while waiting for the journal to force event " + seq, e);
    } finally {
      lock.unlock();
    }
  }

  private void writeLoop() {
    ByteBuffer spare = ByteBuffer.allocate(BATCH_BYTES);
    long intervalNanos = options.fsyncInterval().toNanos();
    long lastForce = System.nanoTime();
    long batchStart = 0;
    try {
      while (true) {
        ByteBuffer batch;
        long upTo;
        boolean stop;
        lock.lock();
        try {
          while (filling.position() == 0 && !closing) {
            if (options.fsync() == FsyncPolicy.INTERVAL && writtenSeq > durableSeq) {
              long wait = lastForce + intervalNanos - System.nanoTime();
              if (wait <= 0) {
                break;
              }
              dataReady.awaitNanos(wait);
            } else {
              dataReady.await();
            }
          }
          stop = closing && filling.position() == 0;
          batch = filling;
          filling = spare;
          upTo = appendedSeq;
          batchStart = writtenSeq;
        } finally {
          lock.unlock();
        }
        batch.flip();
        int n = batch.remaining();
        while (batch.hasRemaining()) {
          channel.write(batch);
        }
        segmentBytes += n;
        long now = System.nanoTime();
        boolean force = options.fsync() == FsyncPolicy.ALWAYS && n > 0
            || options.fsync() == FsyncPolicy.INTERVAL && now - lastForce >= intervalNanos
            || stop;
        if (force) {
          channel.force(false);
          forces.incrementAndGet();
          lastForce = now;
        }
        if (n > 0) {
          batches.incrementAndGet();
          bytes.addAndGet(n);
        }
        lock.lock();
        try {
          writtenSeq = upTo;
          if (force) {
            durableSeq = upTo;
          }
          committed.signalAll();
        } finally {
          lock.unlock();
        }
        batch.clear();
        spare = batch.capacity() > 8 * BATCH_BYTES ? ByteBuffer.allocate(BATCH_BYTES) : batch;
        if (stop) {
          return;
        }
        sinceSnapshot += upTo - batchStart;
        maybeRoll();
      }
    } catch (IOException e) {
      fail(e);
    } catch (InterruptedException e) {
      fail(new IOException("the journal writer was interrupted", e));
    } catch (RuntimeException | Error e) {
      fail(new IOException("the journal writer failed: " + e, e));
    }
  }

  /** Starts a new segment when this one is full or a snapshot is due; starts the snapshot. */
  private void maybeRoll() throws IOException {
    boolean snapshotDue = options.snapshotEvery() > 0 && sinceSnapshot >= options.snapshotEvery()
        && !compacting.get();
    if (segmentBytes < options.segmentBytes() && !snapshotDue) {
      return;
    }
    channel.force(false); // a closed segment is whole on disk before anything relies on it
    channel.close();
    openSegment(segmentIndex + 1);
    if (snapshotDue) {
      sinceSnapshot = 0;
      compacting.set(true);
      long upTo = segmentIndex;
      Thread t = new Thread(() -> {
        try {
          Snapshots.compact(dir, upTo);
          snapshots.incrementAndGet();
        } catch (IOException | RuntimeException e) {
          // The segments are still there, so nothing is lost; the next snapshot tries again.
          log.error("snapshot {} failed: {}", JournalFiles.snapshot(dir, upTo), e.toString(), e);
        } finally {
          compacting.set(false);
        }
      }, "journal-snapshot");
      t.setDaemon(true);
      snapshotter = t;
      t.start();
    }
  }

  private void openSegment(long index) throws IOException {
    Path file = JournalFiles.segment(dir, index);
    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    channel.write(ByteBuffer.wrap(JournalFiles.SEGMENT_MAGIC));
    channel.force(true);
    JournalFiles.syncDirectory(dir);
    segmentIndex = index;
    segmentBytes = JournalFiles.MAGIC_BYTES;
    log.debug("journal segment {} opened", file);
  }

  private void fail(IOException e) {
    lock.lock();
    try {
      failure = e;
      committed.signalAll();
    } finally {
      lock.unlock();
    }
    log.error("journal {} failed: {}; the journal no longer matches memory", dir, e.toString(), e);
    onFailure.accept(e);
  }

  /** Writes and forces everything appended, then closes the segment. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      closing = true;
      dataReady.signal();
    } finally {
      lock.unlock();
    }
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
      // A snapshot still being written would go on deleting segments under whoever opens the
      // directory next (a restart, a test); let it finish first.
      Thread running = snapshotter;
      if (running != null) {
        running.join(TimeUnit.SECONDS.toMillis(120));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      channel.close();
    } catch (IOException e) {
      log.warn("closing journal segment {} failed: {}", JournalFiles.segment(dir, segmentIndex), e.toString());
    }
    try {
      mbean.close();
    } catch (Exception e) {
      log.warn("could not unregister {}: {}", JournalMBean.OBJECT_NAME, e.toString());
    }
    recoveredFold = null;
    log.info("journal closed: {} events appended, {} forces", appendedSeqNow(), forces.get());
  }

  private long appendedSeqNow() {
    lock.lock();
    try {
      return appendedSeq;
    } finally {
      lock.unlock();
    }
  }

  /** Returns what the journal has done since it opened. */
  public JournalStats stats() {
    long appended;
    long durable;
    lock.lock();
    try {
      appended = appendedSeq;
      durable = durableSeq;
    } finally {
      lock.unlock();
    }
    return new JournalStats(options.fsync().optionValue(), recovery.totalEvents(), recovery.millis(),
        recovery.snapshotEvents(), recovery.replayedEvents(), appended, durable, batches.get(), forces.get(),
        bytes.get(), snapshots.get(), segmentIndex);
  }

  /**
   * Checks the engine against the recovered events (see {@link InvariantCheck}), once; logs the
   * outcome, which the journal's JMX bean shows, and returns it.
   */
  public InvariantCheck.Result checkInvariants(InvariantCheck.Services engine)
      throws java.rmi.RemoteException {
    StateFold fold = recoveredFold;
    if (fold == null) {
      throw new IllegalStateException("the invariant check runs once, right after recovery");
    }
    long started = System.nanoTime();
    InvariantCheck.Result r = InvariantCheck.run(fold, engine);
    recoveredFold = null; // it holds a copy of the state; let it go
    invariantCheck = r;
    if (r.holds()) {
      log.info("startup check after recovering {} events: {} ({} ms)", recovery.totalEvents(), r,
          (System.nanoTime() - started) / 1_000_000);
    } else {
      log.error("startup check after recovering {} events: {}", recovery.totalEvents(), r);
    }
    return r;
  }

  /** Returns the startup invariant check's outcome, or null if it has not run. */
  public InvariantCheck.Result invariantCheck() {
    return invariantCheck;
  }

  /** Registers {@code org.redditclone:type=Journal}; {@link #close()} unregisters it. */
  public void registerMBean() throws javax.management.JMException {
    mbean = JournalMBean.register(this);
  }

  /** Returns the directory this journal writes to. */
  public Path dir() {
    return dir;
  }

  /** Returns the events recovered at open (snapshot and replayed). */
  public long recoveredEvents() {
    return recovery.totalEvents();
  }

  /** Returns how long recovery took, ms. */
  public long recoveryMillis() {
    return recovery.millis();
  }
}
