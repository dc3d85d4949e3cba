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
import org.HdrHistogram.Recorder;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.RunColumns.Online;
import org.redditclone.client.runfiles.RunFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe per-client metrics; many threads record at once.
 *
 * <p>Each (operation, outcome) has an HdrHistogram {@link Recorder}, created on first use, so
 * recording never takes a lock. {@link #beginSteadyPhase()} drains the recorders into the setup
 * files ({@code client-K.setup.hlog}, {@code client-K.setup.csv}); from then on a daemon thread
 * drains them every second into {@code client-K.hlog} and samples {@link #setUsersOnline} into
 * {@code client-K.online.csv}. {@link #close()} writes the last partial interval, {@code
 * client-K.csv} and {@code client-K.errors.csv}. A call that completes during the switch of phase
 * may be counted in either phase.
 */
public final class ClientMetrics implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClientMetrics.class);
  static final long INTERVAL_MILLIS = 1_000;

  private final int clientId;
  private final Path runDir;
  private final LongSupplier clockMillis;
  private final boolean tickOnTimer;
  private final long setupStartMillis;

  private final AtomicReferenceArray<Recorder> recorders =
      new AtomicReferenceArray<>(Op.values().length * 2);
  private final ErrorCounts errorCounts = new ErrorCounts();
  private final LongAdder[] successes = {new LongAdder(), new LongAdder()};
  private final LongAdder[] failures = {new LongAdder(), new LongAdder()};
  private final AtomicInteger usersOnline = new AtomicInteger();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile Phase phase = Phase.SETUP;

  // Guarded by this: the draining side (phase switch, ticks, close).
  private final Histogram[] recycled = new Histogram[Op.values().length * 2];
  private final Histogram[] steadyTotals = new Histogram[Op.values().length * 2];
  private long steadyStartMillis = -1;
  private long lastTickMillis;
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

  /** Ends the setup phase: records before this call belong to SETUP, after it to STEADY. Starts the 1 s interval log. */
  public void beginSteadyPhase() {
    synchronized (this) {
      if (closing.get()) {
        throw new IllegalStateException("metrics of client " + clientId + " are closed");
      }
      if (phase == Phase.STEADY) {
        throw new IllegalStateException("client " + clientId + " has already begun its steady phase");
      }
      long now = clockMillis.getAsLong();
      phase = Phase.STEADY;
      try {
        writeSetup(now);
        steadyStartMillis = now;
        lastTickMillis = now;
        hlog = IntervalLogWriter.open(
            runDir.resolve(RunFiles.clientHlog(clientId)), now,
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

  /** Returns the successful calls so far in the current phase. */
  public long totalSuccesses() {
    return successes[phase.ordinal()].sum();
  }

  /** Returns the failed calls so far in the current phase. */
  public long totalErrors() {
    return failures[phase.ordinal()].sum();
  }

  /** Stops the interval log, writes the summaries. Idempotent. */
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
        } else if (hlog != null) {
          drainInterval(now);
          closeSteadyLogs();
          writeSteadySummary(now);
        }
      } finally {
        RunFiles.writeAtomically(
            runDir.resolve(RunFiles.clientErrorsCsv(clientId)), errorCounts.csv());
      }
    }
  }

  /** Drains the recorders into one interval of the steady log and samples the users online. */
  synchronized void tick() throws IOException {
    if (steadyStartMillis < 0 || hlog == null) {
      return;
    }
    drainInterval(clockMillis.getAsLong());
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

  private void drainInterval(long now) throws IOException {
    long start = lastTickMillis;
    long end = Math.max(now, start);
    for (int slot = 0; slot < recorders.length(); slot++) {
      Recorder recorder = recorders.get(slot);
      if (recorder == null) {
        continue;
      }
      Histogram interval = recorder.getIntervalHistogram(recycled[slot]);
      recycled[slot] = interval;
      if (interval.getTotalCount() == 0) {
        continue;
      }
      if (steadyTotals[slot] == null) {
        steadyTotals[slot] = Latencies.newHistogram();
      }
      steadyTotals[slot].add(interval);
      hlog.write(tag(slot), start, end, interval);
    }
    hlog.flush();
    long online = usersOnline.get();
    onlineLog.write(CsvFile.line(Online.values(), column -> switch (column) {
      case EPOCH_MS -> end;
      case ONLINE -> online;
    }) + "\n");
    onlineLog.flush();
    lastTickMillis = end;
  }

  private void writeSetup(long now) throws IOException {
    Map<Op, Histogram> ok = new EnumMap<>(Op.class);
    Map<Op, Histogram> failed = new EnumMap<>(Op.class);
    Path setupFile = runDir.resolve(RunFiles.clientSetupHlog(clientId));
    try (IntervalLogWriter setupLog = IntervalLogWriter.inMemory(setupFile, setupStartMillis,
        "client " + clientId + " setup phase, one interval per tag, latencies in ns")) {
      for (int slot = 0; slot < recorders.length(); slot++) {
        Recorder recorder = recorders.get(slot);
        if (recorder == null) {
          continue;
        }
        Histogram histogram = recorder.getIntervalHistogram();
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

  private Recorder recorder(Op op, boolean error) {
    int slot = op.ordinal() * 2 + (error ? 1 : 0);
    Recorder recorder = recorders.get(slot);
    if (recorder == null) {
      Recorder created = Latencies.newRecorder();
      recorder = recorders.compareAndSet(slot, null, created) ? created : recorders.get(slot);
    }
    return recorder;
  }

  private static Tag tag(int slot) {
    return new Tag(Op.values()[slot / 2], slot % 2 == 1);
  }
}
