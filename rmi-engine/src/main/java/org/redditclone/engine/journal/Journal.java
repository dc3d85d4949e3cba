package org.redditclone.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.RemoteException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.redditclone.api.StorageFailedException;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only journal of a data directory. Open it with {@link #open}, which first replays
 * what is on disk; then attach it as the engine's {@link EventSink} and as its calls'
 * {@link CallBarrier}.
 *
 * <p>{@link #accept} encodes an event on the caller's thread and appends its frame to an in-memory
 * batch under a short lock, so the journal order is the order of {@code accept} calls, which the
 * engine makes under each item's lock. One writer thread takes the whole batch and writes it with
 * one write for every caller in it: group commit. A caller waits for its own events in
 * {@link #awaitCallerEvents()}, which the engine's service wrappers call before an RMI call
 * returns, outside every item lock: until the writer has handed them to the operating system
 * ({@link FsyncPolicy#INTERVAL}, {@link FsyncPolicy#NONE}), so that a killed process loses no
 * acknowledged change, or until it has also forced them to disk ({@link FsyncPolicy#ALWAYS}).
 *
 * <p>A failed write or force is final: memory may hold changes the journal lacks. The journal
 * cuts off what the failed batch left in the file if it can, answers every caller still waiting
 * with an error ({@link JournalFailure}), refuses every later event and call, and calls the
 * failure handler (the engine process stops).
 */
public final class Journal implements EventSink, CallBarrier, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Journal.class);

  /** Free space below which {@link #open} refuses to start: the journal would fail at once. */
  static final long MIN_FREE_BYTES = 1 << 20;

  private final Path dir;
  private final JournalOptions options;
  private final Consumer<IOException> onFailure;
  private final Recovery.Result recovery;
  private final GroupCommit commits;
  private final ThreadLocal<long[]> callerSeq = ThreadLocal.withInitial(() -> new long[1]);
  private final Thread writer;
  /** The thread writing the newest snapshot, if one was started; {@link #close()} waits for it. */
  private volatile Thread snapshotter;
  private final AtomicBoolean compacting = new AtomicBoolean();
  private final AtomicLong forces = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong snapshots = new AtomicLong();

  // Writer thread only, once it started.
  private final SegmentWriter segment;
  private long sinceSnapshot;

  private volatile StateFold recoveredFold;
  private volatile InvariantCheck.Result invariantCheck;
  private AutoCloseable mbean = () -> {};

  private Journal(Path dir, JournalOptions options, Consumer<IOException> onFailure,
      Recovery.Result recovery, StateFold fold, SegmentWriter.Opener opener) throws IOException {
    this.recoveredFold = fold;
    this.dir = dir;
    this.options = options;
    this.onFailure = onFailure;
    this.recovery = recovery;
    this.commits = new GroupCommit(dir, options.fsync() == FsyncPolicy.ALWAYS);
    this.sinceSnapshot = recovery.replayedEvents();
    this.segment = new SegmentWriter(dir, opener);
    segment.open(recovery.nextSegment());
    writer = new Thread(this::writeLoop, "journal-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Replays the snapshot and segments of {@code dir} into {@code apply}, then opens a new segment
   * for appending. Returns the journal, not yet attached to anything.
   *
   * @param onFailure called once, on the writer thread, after the journal failed
   * @throws JournalDamagedException if a record before the end is damaged and repair is off
   * @throws IOException naming {@code dir}, if it has less than 1 MiB free or a segment cannot be
   *     created there
   */
  public static Journal open(Path dir, JournalOptions options, Consumer<Event> apply,
      Consumer<IOException> onFailure) throws IOException {
    return open(dir, options, apply, onFailure, SegmentWriter.FILES);
  }

  /** As {@link #open(Path, JournalOptions, Consumer, Consumer)}, segments opened by {@code opener}. */
  static Journal open(Path dir, JournalOptions options, Consumer<Event> apply,
      Consumer<IOException> onFailure, SegmentWriter.Opener opener) throws IOException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(apply, "apply");
    Objects.requireNonNull(onFailure, "onFailure");
    Objects.requireNonNull(opener, "opener");
    Files.createDirectories(dir);
    requireFreeSpace(dir);
    StateFold fold = new StateFold();
    Recovery.Result r = Recovery.run(dir, apply.andThen(fold), options.repair());
    log.info("journal recovered {} events in {} ms from {} (snapshot {} with {} events, {} events replayed"
        + " from {} segment(s)); fsync {}", r.totalEvents(), r.millis(), dir,
        r.snapshotIndex() == 0 ? "none" : JournalFiles.snapshot(dir, r.snapshotIndex()).getFileName(),
        r.snapshotEvents(), r.replayedEvents(), r.segments(), options.fsync().optionValue()
            + (options.fsync() == FsyncPolicy.INTERVAL ? " every " + options.fsyncInterval().toMillis() + " ms" : ""));
    try {
      return new Journal(dir, options, onFailure, r, fold, opener);
    } catch (IOException e) {
      throw new IOException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Throws, naming {@code dir} and what is free there, if the journal could not even start. The
   * engine checks it before it locks the folder too, since the lock writes a file there.
   */
  public static void requireFreeSpace(Path dir) throws IOException {
    long free = Files.getFileStore(dir).getUsableSpace();
    if (free < MIN_FREE_BYTES) {
      throw new IOException("cannot open the journal in " + dir + ": No space left on device (" + free
          + " bytes free; the journal needs at least " + MIN_FREE_BYTES + "): free some space there"
          + " or choose another data folder");
    }
  }

  /**
   * Appends an applied event; never blocks on I/O.
   *
   * @throws EventRefusedException if the journal failed or is closing: the event was not
   *     appended, and the change it describes must not be made
   */
  @Override
  public void accept(Event event) {
    long seq = commits.append(EventCodec.encode(event));
    callerSeq.get()[0] = seq;
  }

  /** Makes this thread's next {@link #awaitCallerEvents()} wait for every event appended so far. */
  @Override
  public void dependOnPublished() {
    long[] mine = callerSeq.get();
    mine[0] = Math.max(mine[0], commits.appended());
  }

  /**
   * Refuses a call once the journal has failed, before the call runs.
   *
   * @throws StorageFailedException naming the failure, if the journal failed
   */
  @Override
  public void checkOpen() throws StorageFailedException {
    commits.checkOpen();
  }

  /**
   * Waits until the events this thread appended since the last call are as durable as the policy
   * promises: handed to the operating system, and for {@link FsyncPolicy#ALWAYS} forced to disk.
   *
   * @throws StorageFailedException if the journal failed and those events are not in it: the
   *     change was not made
   * @throws RemoteException if the journal failed and those events may or may not be in it, or the
   *     thread was interrupted while waiting
   */
  @Override
  public void awaitCallerEvents() throws RemoteException, StorageFailedException {
    long[] mine = callerSeq.get();
    long seq = mine[0];
    if (seq != 0) {
      mine[0] = 0;
      commits.await(seq);
    }
  }

  private void writeLoop() {
    ByteBuffer spare = ByteBuffer.allocate(GroupCommit.BATCH_BYTES);
    boolean always = options.fsync() == FsyncPolicy.ALWAYS;
    boolean interval = options.fsync() == FsyncPolicy.INTERVAL;
    long intervalNanos = options.fsyncInterval().toNanos();
    long lastForce = System.nanoTime();
    long inFile = 0; // events that may be in the file; after a failure every later one is absent
    try {
      while (true) {
        GroupCommit.Batch b = commits.take(spare, interval ? lastForce + intervalNanos : Long.MAX_VALUE);
        inFile = b.from();
        int n = b.frames().remaining();
        if (n > 0) {
          long start = segment.bytes();
          inFile = b.upTo();
          try {
            segment.write(b.frames());
            if (always) {
              segment.force();
              forces.incrementAndGet();
            }
          } catch (IOException e) {
            if (segment.cutBack(start)) {
              inFile = b.from();
            }
            throw e;
          }
          batches.incrementAndGet();
          bytes.addAndGet(n);
        }
        commits.committed(b.upTo(), always);
        long now = System.nanoTime();
        if (!always && (b.last() || interval && now - lastForce >= intervalNanos)) {
          segment.force();
          forces.incrementAndGet();
          lastForce = now;
          commits.committed(b.upTo(), true);
        }
        if (b.last()) {
          return;
        }
        spare = b.frames().capacity() > 8 * GroupCommit.BATCH_BYTES
            ? ByteBuffer.allocate(GroupCommit.BATCH_BYTES) : b.frames().clear();
        sinceSnapshot += b.upTo() - b.from();
        maybeRoll();
      }
    } catch (IOException e) {
      fail(e, inFile);
    } catch (InterruptedException e) {
      fail(new IOException("the journal writer was interrupted", e), inFile);
    } catch (RuntimeException | Error e) {
      fail(new IOException("the journal writer failed: " + e, e), inFile);
    }
  }

  /** Starts a new segment when this one is full or a snapshot is due; starts the snapshot. */
  private void maybeRoll() throws IOException {
    boolean snapshotDue = options.snapshotEvery() > 0 && sinceSnapshot >= options.snapshotEvery()
        && !compacting.get();
    if (segment.bytes() < options.segmentBytes() && !snapshotDue) {
      return;
    }
    segment.roll();
    if (snapshotDue) {
      sinceSnapshot = 0;
      compacting.set(true);
      long upTo = segment.index();
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

  /** Stops the journal: every waiting and later caller is refused; events after {@code inFile} are absent. */
  private void fail(IOException e, long inFile) {
    commits.fail(new JournalFailure(dir, e, inFile));
    log.error("journal {} failed: {}; events after #{} are not in it, and every call is refused from"
        + " now on", dir, e.toString(), inFile, e);
    onFailure.accept(e);
  }

  /** Writes and forces everything appended, then closes the segment. Idempotent. */
  @Override
  public void close() {
    commits.close();
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
    segment.close();
    try {
      mbean.close();
    } catch (Exception e) {
      log.warn("could not unregister {}: {}", JournalMBean.OBJECT_NAME, e.toString());
    }
    recoveredFold = null;
    log.info("journal closed: {} events appended, {} forces", commits.appended(), forces.get());
  }

  /** Returns what the journal has done since it opened. */
  public JournalStats stats() {
    long appended = commits.appended();
    long durable = commits.durable();
    return new JournalStats(options.fsync().optionValue(), recovery.totalEvents(), recovery.millis(),
        recovery.snapshotEvents(), recovery.replayedEvents(), appended, durable, batches.get(), forces.get(),
        bytes.get(), snapshots.get(), segment.index());
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
