package org.redditclone.client.metrics;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.RunColumns.Online;
import org.redditclone.client.runfiles.RunFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe per-client metrics; many threads record at once.
 *
 * <p>Each (operation, outcome) has an {@link IntervalHistogram}, created on first use; a record
 * holds its lock for one count's increment. {@link #beginSteadyPhase()} drains the recorders into the setup
 * files ({@code client-K.setup.hlog}, {@code client-K.setup.csv}); from then on a daemon thread
 * drains them every second into {@code client-K.hlog}, samples {@link #setUsersOnline} and the
 * schedule lag ({@link #recordLag}) into {@code client-K.online.csv}, and hands each interval to
 * the {@link IntervalListener} (the run coordinator's link). {@link #close()} writes the last
 * partial interval, {@code client-K.csv} and {@code client-K.errors.csv}. A call that completes
 * during the switch of phase may be counted in either phase.
 *
 * <p>Intervals are named by their place in the steady phase, not by when the drain ran: the
 * k-th second is {@code start + (k-1) s .. start + k s}, where {@code start} is the label the
 * steady phase began with (the run coordinator's window, so that every client's seconds line up)
 * or the clock's time for a client on its own. The last interval ends when the phase ended, at
 * most at its planned end.
 */
public final class ClientMetrics implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClientMetrics.class);
  static final long INTERVAL_MILLIS = 1_000;

  private final int clientId;
  private final Path runDir;
  private final LongSupplier clockMillis;
  private final boolean tickOnTimer;
  private final long setupStartMillis;

  private final AtomicReferenceArray<IntervalHistogram> recorders =
      new AtomicReferenceArray<>(Op.values().length * 2);
  private final ErrorCounts errorCounts = new ErrorCounts();
  private final LongAdder[] successes = {new LongAdder(), new LongAdder()};
  private final LongAdder[] failures = {new LongAdder(), new LongAdder()};
  private final AtomicInteger usersOnline = new AtomicInteger();
  private final IntervalHistogram lag = new IntervalHistogram();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile Phase phase = Phase.SETUP;
  private volatile IntervalListener listener = IntervalListener.NONE;

  // Guarded by this: the draining side (phase switch, ticks, close).
  private final Histogram[] recycled = new Histogram[Op.values().length * 2];
  private final Histogram[] steadyTotals = new Histogram[Op.values().length * 2];
  private long steadyStartMillis = -1;
  private long steadyStartClockMillis;
  private long steadyEndMillis = Long.MAX_VALUE;
  private long lastTickMillis;
  private Histogram recycledLag;
  private IntervalLogWriter hlog;
  private BufferedWriter onlineLog;
  private ScheduledExecutorService ticker;
  private boolean tickFailureLogged;

  private ClientMetrics(int clientId, Path runDir, LongSupplier clockMillis, boolean tickOnTimer) {
    this.clientId = clientId;
    this.runDir = runDir;
    this.clockMillis = clockMillis;
    this.tickOnTimer = tickOnTimer;
    this.setupStartMillis = clockMillis.getAsLong();
  }

  /** Receives each interval of the steady phase as it is written. */
  @FunctionalInterface
  public interface IntervalListener {

    /** A listener that does nothing. */
    IntervalListener NONE = (startMillis, endMillis, histograms, usersOnline, lagP99Nanos) -> {};

    /**
     * Takes the interval {@code startMillis..endMillis} (labels, epoch ms), on the draining thread.
     *
     * @param histograms per operation and outcome, the interval's non-empty histograms; they are
     *     reused for the next interval, so read or encode them during this call only
     * @param usersOnline the client's users online at the interval's end
     * @param lagP99Nanos the 99th percentile of the schedule lag in the interval, NaN if none
     */
    void interval(long startMillis, long endMillis, Map<Tag, Histogram> histograms, int usersOnline,
        double lagP99Nanos);
  }

  /** Creates metrics for client {@code clientId} writing into {@code runDir}. */
  public static ClientMetrics create(int clientId, Path runDir) throws IOException {
    return create(clientId, runDir, System::currentTimeMillis, true);
  }

  /** Creates metrics on a given clock; without the timer, tests call {@link #tick()} by hand. */
  static ClientMetrics create(int clientId, Path runDir, LongSupplier clockMillis, boolean timer)
      throws IOException {
    requireNonNull(runDir, "runDir");
    requireNonNull(clockMillis, "clockMillis");
    RunFiles.clientCsv(clientId); // validates the id
    Files.createDirectories(runDir);
    return new ClientMetrics(clientId, runDir, clockMillis, timer);
  }

  /** Records one successful call; latency measured from the planned start (open loop) in nanoseconds. */
  public void recordSuccess(Op op, long latencyNanos) {
    requireNonNull(op, "op");
    recorder(op, false).recordValue(Latencies.clamp(latencyNanos));
    successes[phase.ordinal()].increment();
  }

  /** Records one failed call with the simple class name of its exception, e.g. "NotFoundException". */
  public void recordError(Op op, String errorType, long latencyNanos) {
    requireNonNull(op, "op");
    recorder(op, true).recordValue(Latencies.clamp(latencyNanos));
    Phase now = phase;
    errorCounts.increment(now, op, errorType);
    failures[now.ordinal()].increment();
  }

  /**
   * Records how late a planned call started (open loop): its start minus its planned time, ns.
   * Sampled per second of the steady phase as the schedule lag.
   */
  public void recordLag(long lateNanos) {
    lag.recordValue(Latencies.clamp(lateNanos));
  }

  /** Hands every interval of the steady phase to {@code listener} too; call before {@link #beginSteadyPhase}. */
  public void setIntervalListener(IntervalListener listener) {
    this.listener = requireNonNull(listener, "listener");
  }

  /**
   * Ends the setup phase: records before this call belong to SETUP, after it to STEADY. Starts the
   * 1 s interval log, its intervals named from the clock's time now, with no planned end.
   */
  public void beginSteadyPhase() {
    beginSteadyPhase(clockMillis.getAsLong(), Long.MAX_VALUE);
  }

  /**
   * Ends the setup phase as {@link #beginSteadyPhase()} does, the intervals named from {@code
   * startMillis} (a label, epoch ms) and none reaching beyond {@code endMillis}.
   */
  public void beginSteadyPhase(long startMillis, long endMillis) {
    if (endMillis <= startMillis) {
      throw new IllegalArgumentException("the steady phase of client " + clientId + " would end at " + endMillis
          + ", not after its start " + startMillis);
    }
    synchronized (this) {
      if (closing.get()) {
        throw new IllegalStateException("metrics of client " + clientId + " are closed");
      }
      if (phase == Phase.STEADY) {
        throw new IllegalStateException("client " + clientId + " has already begun its steady phase");
      }
      long now = clockMillis.getAsLong();
      phase = Phase.STEADY;
      lag.reset();
      try {
        writeSetup(now);
        steadyStartMillis = startMillis;
        steadyStartClockMillis = now;
        steadyEndMillis = endMillis;
        lastTickMillis = startMillis;
        hlog = IntervalLogWriter.open(
            runDir.resolve(RunFiles.clientHlog(clientId)), startMillis,
            "client " + clientId + " steady phase, latencies in ns");
        onlineLog = Files.newBufferedWriter(
            runDir.resolve(RunFiles.clientOnlineCsv(clientId)), StandardCharsets.UTF_8);
        onlineLog.write(CsvFile.headerLine(Online.values()));
        onlineLog.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write the metrics of client " + clientId + " into " + runDir, e);
      }
      if (tickOnTimer) {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
          Thread thread = new Thread(runnable, "metrics-client-" + clientId);
          thread.setDaemon(true);
          return thread;
        });
        // The first tick comes one interval after the steady start, however long the setup files took.
        long firstDelay = Math.max(0, INTERVAL_MILLIS - (clockMillis.getAsLong() - now));
        ticker.scheduleAtFixedRate(
            this::tickQuietly, firstDelay, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Sets the number of this client's users online now (sampled once per second into the online file). */
  public void setUsersOnline(int online) {
    if (online < 0) {
      throw new IllegalArgumentException("online is " + online + "; it cannot be negative");
    }
    usersOnline.set(online);
  }

  /** Returns the failed calls so far by phase, operation and type. */
  public java.util.SortedMap<ErrorCounts.Key, Long> errors() {
    return errorCounts.snapshot();
  }

  /** Returns the successful calls so far in the current phase. */
  public long totalSuccesses() {
    return successes[phase.ordinal()].sum();
  }

  /** Returns the failed calls so far in the current phase. */
  public long totalErrors() {
    return failures[phase.ordinal()].sum();
  }

  /**
   * Ends the steady phase now: writes its last interval (at most to its planned end) and its
   * summary. Calls recorded after this count nowhere. Nothing if it has not begun or has ended.
   */
  public void endSteadyPhase() throws IOException {
    stopTicker();
    synchronized (this) {
      finishSteady(clockMillis.getAsLong());
    }
  }

  /**
   * Ends the steady phase as {@link #endSteadyPhase()} does, its last interval ending at {@code
   * endMillis} (a label: the client's share of the run's window), at most at its planned end.
   */
  public void endSteadyPhase(long endMillis) throws IOException {
    stopTicker();
    synchronized (this) {
      if (hlog != null) {
        finishSteadyAt(Math.min(steadyEndMillis, endMillis));
      }
    }
  }

  /** Ends the steady phase if it runs, writes the summaries. Idempotent. */
  @Override
  public void close() throws IOException {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    stopTicker();
    synchronized (this) {
      long now = clockMillis.getAsLong();
      try {
        if (phase == Phase.SETUP) {
          writeSetup(now);
          writeSummary(RunFiles.clientCsv(clientId), new EnumMap<>(Op.class),
              new EnumMap<>(Op.class), 0);
        } else {
          finishSteady(now);
        }
      } finally {
        RunFiles.writeAtomically(
            runDir.resolve(RunFiles.clientErrorsCsv(clientId)), errorCounts.csv());
      }
    }
  }

  private void finishSteady(long now) throws IOException {
    if (hlog != null) {
      finishSteadyAt(Math.min(steadyEndMillis, steadyStartMillis + Math.max(0, now - steadyStartClockMillis)));
    }
  }

  private void finishSteadyAt(long end) throws IOException {
    drainInterval(Math.max(lastTickMillis, end));
    closeSteadyLogs();
    writeSteadySummary(lastTickMillis);
  }

  /**
   * Drains the recorders into the next second of the steady log and samples the users online;
   * nothing for the second that reaches the planned end, which the last drain (at close) writes.
   */
  synchronized void tick() throws IOException {
    if (steadyStartMillis < 0 || hlog == null || lastTickMillis + INTERVAL_MILLIS >= steadyEndMillis) {
      return;
    }
    drainInterval(lastTickMillis + INTERVAL_MILLIS);
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (IOException | RuntimeException e) {
      if (!tickFailureLogged) {
        tickFailureLogged = true;
        log.warn("client {}: writing the per-second metrics into {} failed", clientId, runDir, e);
      }
    }
  }

  private void drainInterval(long end) throws IOException {
    long start = lastTickMillis;
    Map<Tag, Histogram> written = new java.util.LinkedHashMap<>();
    for (int slot = 0; slot < recorders.length(); slot++) {
      IntervalHistogram recorder = recorders.get(slot);
      if (recorder == null) {
        continue;
      }
      Histogram interval = recorder.takeInterval(recycled[slot]);
      recycled[slot] = interval;
      if (interval.getTotalCount() == 0) {
        continue;
      }
      if (steadyTotals[slot] == null) {
        steadyTotals[slot] = Latencies.newHistogram();
      }
      steadyTotals[slot].add(interval);
      hlog.write(tag(slot), start, end, interval);
      written.put(tag(slot), interval);
    }
    hlog.flush();
    int online = usersOnline.get();
    recycledLag = lag.takeInterval(recycledLag);
    double lagP99 = recycledLag.getTotalCount() == 0 ? Double.NaN : recycledLag.getValueAtPercentile(99.0);
    onlineLog.write(CsvFile.line(Online.values(), column -> switch (column) {
      case EPOCH_MS -> end;
      case ONLINE -> online;
      case LAG_P99_MS -> Latencies.millis(lagP99);
    }) + "\n");
    onlineLog.flush();
    lastTickMillis = end;
    try {
      listener.interval(start, end, written, online, lagP99);
    } catch (RuntimeException e) {
      log.warn("client {}: the interval listener failed on {}..{}", clientId, start, end, e);
    }
  }

  private void writeSetup(long now) throws IOException {
    Map<Op, Histogram> ok = new EnumMap<>(Op.class);
    Map<Op, Histogram> failed = new EnumMap<>(Op.class);
    Path setupFile = runDir.resolve(RunFiles.clientSetupHlog(clientId));
    try (IntervalLogWriter setupLog = IntervalLogWriter.inMemory(setupFile, setupStartMillis,
        "client " + clientId + " setup phase, one interval per tag, latencies in ns")) {
      for (int slot = 0; slot < recorders.length(); slot++) {
        IntervalHistogram recorder = recorders.get(slot);
        if (recorder == null) {
          continue;
        }
        Histogram histogram = recorder.takeInterval(null);
        if (histogram.getTotalCount() == 0) {
          continue;
        }
        Tag tag = tag(slot);
        (tag.error() ? failed : ok).put(tag.op(), histogram);
        setupLog.write(tag, setupStartMillis, now, histogram);
      }
      RunFiles.writeAtomically(setupFile, setupLog.text());
    }
    writeSummary(RunFiles.clientSetupCsv(clientId), ok, failed, (now - setupStartMillis) / 1000.0);
  }

  private void writeSteadySummary(long now) throws IOException {
    Map<Op, Histogram> ok = new EnumMap<>(Op.class);
    Map<Op, Histogram> failed = new EnumMap<>(Op.class);
    for (int slot = 0; slot < steadyTotals.length; slot++) {
      if (steadyTotals[slot] != null) {
        Tag tag = tag(slot);
        (tag.error() ? failed : ok).put(tag.op(), steadyTotals[slot]);
      }
    }
    writeSummary(RunFiles.clientCsv(clientId), ok, failed, (now - steadyStartMillis) / 1000.0);
  }

  private void writeSummary(String name, Map<Op, Histogram> ok, Map<Op, Histogram> failed,
      double seconds) throws IOException {
    RunFiles.writeAtomically(
        runDir.resolve(name), SummaryTable.csv(SummaryTable.rows(ok, failed, seconds)));
  }

  private void closeSteadyLogs() throws IOException {
    IntervalLogWriter steadyLog = hlog;
    BufferedWriter online = onlineLog;
    hlog = null;
    onlineLog = null;
    try {
      steadyLog.close();
    } finally {
      online.close();
    }
  }

  private void stopTicker() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = ticker;
    }
    if (running == null) {
      return;
    }
    running.shutdown();
    try {
      if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("client {}: the metrics timer did not stop within 10 s", clientId);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private IntervalHistogram recorder(Op op, boolean error) {
    int slot = op.ordinal() * 2 + (error ? 1 : 0);
    IntervalHistogram recorder = recorders.get(slot);
    if (recorder == null) {
      IntervalHistogram created = new IntervalHistogram();
      recorder = recorders.compareAndSet(slot, null, created) ? created : recorders.get(slot);
    }
    return recorder;
  }

  private static Tag tag(int slot) {
    return new Tag(Op.values()[slot / 2], slot % 2 == 1);
  }
}
