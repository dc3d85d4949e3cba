package org.redditclone.client.sim;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.redditclone.api.ClientJoin;
import org.redditclone.api.ClientPhase;
import org.redditclone.api.ClientReport;
import org.redditclone.api.FileChunk;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.RedditException;
import org.redditclone.api.RunClock;
import org.redditclone.api.RunCoordinator;
import org.redditclone.api.RunTerms;
import org.redditclone.client.connect.EngineLookup;
import org.redditclone.client.connect.RegistryAddress;
import org.redditclone.client.connect.RetryPolicy;
import org.redditclone.client.metrics.ClientMetrics;
import org.redditclone.client.metrics.ErrorCounts;
import org.redditclone.client.metrics.HistogramBytes;
import org.redditclone.client.metrics.Phase;
import org.redditclone.client.metrics.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client JVM's line to its run's coordinator: it joins, reports every second (its phase, then
 * each measured second as its metrics write it), learns when the common window starts and ends,
 * and at the end uploads the client's files. Times the coordinator sends are relative; this link
 * turns them into this JVM's {@link System#nanoTime}.
 */
final class CoordinatorLink implements ClientMetrics.IntervalListener {

  private static final Logger log = LoggerFactory.getLogger(CoordinatorLink.class);
  private static final long REPORT_MILLIS = 1_000;
  /** At most this many bytes of histograms in one report, far below a call's cap. */
  private static final int BATCH_BYTES = 1_000_000;
  private static final RetryPolicy PATIENCE = RetryPolicy.pauses(Duration.ofMillis(100), Duration.ofSeconds(2));

  private final RunCoordinator coordinator;
  private final RegistryAddress address;
  private final RunTerms terms;
  private final ConcurrentLinkedQueue<ClientReport.Second> pending = new ConcurrentLinkedQueue<>();
  private final HistogramBytes.Encoder encoder = new HistogramBytes.Encoder(); // the metrics thread's
  private volatile ClientPhase phase = ClientPhase.SETTING_UP;
  private volatile IntSupplier usersSetUp = () -> 0;
  private volatile Supplier<SortedMap<ErrorCounts.Key, Long>> errors = java.util.Collections::emptySortedMap;
  private volatile Runnable onStop = () -> {};
  private volatile boolean stopped;
  private Map<ErrorCounts.Key, Long> errorsBefore = Map.of(); // the metrics thread's
  private ScheduledExecutorService reporter;
  /**
   * What this client knows of the window, replaced whole by the reporting thread. Volatile, not
   * guarded by the report's lock: the load driver asks for the end on every action, and must not
   * wait for a report's round trip to the coordinator (that wait was schedule lag).
   */
  private volatile Window window = new Window(RunClock.UNKNOWN, RunClock.UNKNOWN, RunClock.UNKNOWN, 0);
  /** One report at a time: held across the call to the coordinator. */
  private final Object reporting = new Object();

  /**
   * The window on this JVM's clock: its start and end on {@link System#nanoTime} and its start's
   * label (epoch ms on the coordinator's clock) with the client's first second in it.
   */
  private record Window(long startNanos, long endNanos, long windowStart, long firstSecond) {}

  private CoordinatorLink(RunCoordinator coordinator, RegistryAddress address, RunTerms terms) {
    this.coordinator = coordinator;
    this.address = address;
    this.terms = terms;
  }

  /**
   * Finds the coordinator at {@code address} (retrying for {@code patience}) and joins its run.
   *
   * @param clientId the id asked for, 0 to be handed one
   * @throws RedditException if the coordinator refuses: the id is taken, the run has ended
   */
  static CoordinatorLink join(RegistryAddress address, int clientId, int users, Duration patience)
      throws RemoteException, NotBoundException, RedditException, InterruptedException {
    RetryPolicy.Retry retry = PATIENCE.within(patience).start();
    while (true) {
      try {
        RunCoordinator coordinator = EngineLookup.coordinator(address);
        return new CoordinatorLink(coordinator, address, coordinator.join(new ClientJoin(clientId, hostName(), users)));
      } catch (RemoteException | NotBoundException e) {
        if (!retry.pause()) {
          throw e;
        }
      }
    }
  }

  /** Returns this host's name for the live view, or its address or "unknown" where it has none. */
  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      String name = System.getenv("HOSTNAME");
      return name != null && !name.isBlank() && name.length() <= 255 ? name : "unknown";
    }
  }

  /** Returns what the run told this client when it joined: its id, the run id, the window's length. */
  RunTerms terms() {
    return terms;
  }

  /** Starts reporting every second, from the client's start to its end. */
  void start() {
    reporter = Executors.newSingleThreadScheduledExecutor(Threads.named("coordinator-link"));
    reporter.scheduleAtFixedRate(this::reportQuietly, 0, REPORT_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Tells the link what to report and whom to stop: {@code setUp} counts the users set up, {@code
   * errorCounts} are the metrics' failed calls, {@code stop} ends the load when the coordinator
   * says so (at once if it said so already).
   */
  void watch(IntSupplier setUp, Supplier<SortedMap<ErrorCounts.Key, Long>> errorCounts, Runnable stop) {
    usersSetUp = requireNonNull(setUp, "setUp");
    errors = requireNonNull(errorCounts, "errorCounts");
    onStop = requireNonNull(stop, "stop");
    if (stopped) {
      stop.run();
    }
  }

  /** Moves this client to {@code next} and tells the coordinator at once. */
  void phase(ClientPhase next) {
    phase = next;
    reportQuietly();
  }

  /** Returns whether the client's part of the window has begun (the warm-up is over). */
  boolean windowBegun() {
    long startNanos = window.startNanos();
    return startNanos != RunClock.UNKNOWN && System.nanoTime() - startNanos >= 0;
  }

  /** Returns when the client's part of the window begins, on this JVM's nanoTime. */
  long startNanos() {
    return window.startNanos();
  }

  /** Returns when the window ends, on this JVM's nanoTime. */
  long endNanos() {
    return window.endNanos();
  }

  /** Returns the label of the client's first second: the window's start on the coordinator's clock, plus its first second. */
  long startLabel() {
    Window w = window;
    return w.windowStart() + w.firstSecond() * 1000;
  }

  /** Returns the label of the window's planned end. */
  long endLabel() {
    return window.windowStart() + terms.durationMillis();
  }

  /** Queues one measured interval of the steady phase for the next report. */
  @Override
  public void interval(long startMillis, long endMillis, Map<Tag, Histogram> histograms, int usersOnline,
      double lagP99Nanos) {
    long second = Math.floorDiv(startMillis - window.windowStart(), 1000);
    List<ClientReport.TaggedHistogram> encoded = new ArrayList<>();
    histograms.forEach((tag, histogram) -> encoded.add(
        new ClientReport.TaggedHistogram(tag.wireName(), encoder.encode(histogram))));
    SortedMap<ErrorCounts.Key, Long> now = errors.get();
    List<ClientReport.ErrorCount> errorCounts = new ArrayList<>();
    now.forEach((key, count) -> {
      long added = count - errorsBefore.getOrDefault(key, 0L);
      if (key.phase() == Phase.STEADY && added > 0) {
        errorCounts.add(new ClientReport.ErrorCount(key.op().wireName(), key.type(), added));
      }
    });
    errorsBefore = now;
    pending.add(new ClientReport.Second(second, endMillis - startMillis, encoded, errorCounts, usersOnline,
        lagP99Nanos / 1e6));
  }

  private void reportQuietly() {
    try {
      report();
    } catch (RemoteException e) {
      log.debug("report to the coordinator at {} failed: {}", address, e.toString());
    } catch (RuntimeException e) {
      log.warn("report to the coordinator at {} failed", address, e);
    }
  }

  /** Sends the phase and the pending seconds, and takes the answer; one report at a time. */
  private void report() throws RemoteException {
    synchronized (reporting) {
      reportOnce();
    }
  }

  private void reportOnce() throws RemoteException {
    List<ClientReport.Second> batch = new ArrayList<>();
    int bytes = 0;
    for (ClientReport.Second second : pending) {
      int size = second.histograms().stream().mapToInt(h -> h.compressed().length + 32).sum();
      if (!batch.isEmpty() && bytes + size > BATCH_BYTES) {
        break;
      }
      batch.add(second);
      bytes += size;
    }
    RunClock clock;
    try {
      clock = coordinator.report(new ClientReport(terms.clientId(), phase, usersSetUp.getAsInt(), batch));
    } catch (InvalidInputException e) {
      log.warn("the coordinator refused seconds {}..{}: {}", batch.get(0).second(),
          batch.get(batch.size() - 1).second(), e.getMessage());
      pending.removeAll(batch);
      return;
    } catch (RedditException e) {
      throw new IllegalStateException("the coordinator does not know client " + terms.clientId() + ": "
          + e.getMessage(), e);
    }
    long received = System.nanoTime();
    pending.removeAll(batch);
    Window w = window;
    if (clock.windowKnown() && clock.startsInMillis() != RunClock.UNKNOWN && w.startNanos() == RunClock.UNKNOWN) {
      w = new Window(received + TimeUnit.MILLISECONDS.toNanos(clock.startsInMillis()), w.endNanos(),
          clock.windowStartEpochMillis(), clock.firstSecond());
    }
    if (clock.endsInMillis() != RunClock.UNKNOWN) {
      long end = received + TimeUnit.MILLISECONDS.toNanos(clock.endsInMillis());
      w = new Window(w.startNanos(), w.endNanos() == RunClock.UNKNOWN ? end : Math.min(w.endNanos(), end),
          w.windowStart(), w.firstSecond());
    }
    window = w;
    if (clock.stop() && !stopped) {
      stopped = true;
      onStop.run();
    }
  }

  /** Returns whether the coordinator told this client to stop. */
  boolean stopped() {
    return stopped;
  }

  /**
   * Uploads {@code names} of {@code dir} that exist, each whole, retrying a file that fails
   * within {@code patience}.
   *
   * @throws IOException if a file cannot be read, or could not be delivered
   */
  void upload(Path dir, List<String> names, Duration patience) throws IOException, InterruptedException {
    for (String name : names) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      RetryPolicy.Retry retry = PATIENCE.within(patience).start();
      while (true) {
        try {
          uploadOnce(file, name);
          break;
        } catch (RemoteException e) {
          if (!retry.pause()) {
            throw new IOException("could not upload " + name + " to the coordinator at " + address + ": " + e, e);
          }
        } catch (RedditException e) {
          throw new IOException("the coordinator refused " + name + ": " + e.getMessage(), e);
        }
      }
    }
  }

  private void uploadOnce(Path file, String name) throws IOException, RedditException {
    long size = Files.size(file); // complete: written whole before the upload
    byte[] part = new byte[FileChunk.MAX_BYTES];
    long offset = 0;
    try (InputStream in = Files.newInputStream(file)) {
      do {
        int n = in.readNBytes(part, 0, (int) Math.min(part.length, size - offset));
        if (n == 0 && offset < size) {
          throw new IOException(file + " ended at " + offset + " bytes of " + size + " while it was uploaded");
        }
        coordinator.upload(new FileChunk(terms.clientId(), name, offset, java.util.Arrays.copyOf(part, n),
            offset + n >= size));
        offset += n;
      } while (offset < size);
    }
  }

  /**
   * Sends what is left and the last phase, {@code FINISHED} or {@code STOPPED} (after the
   * uploads), within {@code patience}; then stops reporting.
   */
  void finish(ClientPhase last, Duration patience) throws InterruptedException {
    if (reporter != null) {
      reporter.shutdownNow();
      reporter.awaitTermination(5, TimeUnit.SECONDS);
    }
    phase = last;
    RetryPolicy.Retry retry = PATIENCE.within(patience).start();
    while (true) {
      try {
        report();
        if (pending.isEmpty()) {
          return;
        }
      } catch (RemoteException e) {
        if (!retry.pause()) {
          log.warn("could not tell the coordinator at {} that client {} {}: {}", address, terms.clientId(),
              last.name().toLowerCase(java.util.Locale.ROOT), e.toString());
          return;
        }
      }
    }
  }
}
