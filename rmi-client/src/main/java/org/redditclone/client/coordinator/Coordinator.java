package org.redditclone.client.coordinator;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.redditclone.api.ClientJoin;
import org.redditclone.api.ClientPhase;
import org.redditclone.api.ClientReport;
import org.redditclone.api.FileChunk;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.NotFoundException;
import org.redditclone.api.RedditException;
import org.redditclone.api.RunClock;
import org.redditclone.api.RunCoordinator;
import org.redditclone.api.RunTerms;
import org.redditclone.client.metrics.ErrorCounts;
import org.redditclone.client.metrics.HistogramBytes;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.metrics.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator of one run, the object clients call: it hands out ids, keeps the run's clock
 * ({@link RunWindow}), merges what clients push ({@link LiveMerge}) and files it ({@link
 * RunFolder}). Every method holds this object's lock; the main thread drives it with {@link
 * #tick} and reads it through {@link LiveView}.
 */
final class Coordinator implements RunCoordinator {

  private static final Logger log = LoggerFactory.getLogger(Coordinator.class);

  /** A client not heard from for this long is lost: four times what a busy host's pauses take. */
  static final long LOST_AFTER_MILLIS = 10_000;

  final CoordinatorOptions options;
  final LongSupplier clock;
  final long startedMillis;
  final RunWindow window;
  final LiveMerge merge = new LiveMerge();
  private final RunFolder folder;
  private final ClientIds ids = new ClientIds();
  final SortedMap<Integer, ClientState> clients = new TreeMap<>();
  private final List<String> events = new ArrayList<>();
  private final Thresholds thresholds;
  String abortReason = "";
  double gcMillisSinceLine;

  Coordinator(CoordinatorOptions options, RunFolder folder, LongSupplier clock) {
    this.options = requireNonNull(options, "options");
    this.folder = requireNonNull(folder, "folder");
    this.clock = requireNonNull(clock, "clock");
    this.startedMillis = clock.getAsLong();
    this.window = new RunWindow(options.expectedClients(), options.warmup().toMillis(), options.duration().toMillis());
    this.thresholds = new Thresholds(options.thresholds());
    if (options.reservedIds() > 0) {
      try {
        ids.reserve(options.reservedIds());
      } catch (InvalidInputException e) {
        throw new IllegalArgumentException(e.getMessage(), e); // the options allow 1..1000
      }
    }
  }

  @Override
  public synchronized RunTerms join(ClientJoin join) throws RedditException {
    long now = clock.getAsLong();
    if (window.over(now)) {
      throw new InvalidInputException("run", options.runId(), "has ended; start a new one");
    }
    int id = ids.claim(join.clientId(), options.runId());
    clients.put(id, new ClientState(id, join.host(), join.users(), now));
    event("client " + id + " joined from " + join.host() + " (" + join.users() + " users)");
    return new RunTerms(options.runId(), id, options.duration().toMillis(), options.warmup().toMillis());
  }

  @Override
  public synchronized int reserveClientIds(int count) throws InvalidInputException {
    return ids.reserve(count);
  }

  @Override
  public synchronized RunClock report(ClientReport report) throws NotFoundException, InvalidInputException {
    long now = clock.getAsLong();
    ClientState client = require(report.clientId());
    if (client.state.equals(ClientState.LOST) || client.state.equals(ClientState.NOT_STARTED)) {
      return unknown(true);
    }
    client.lastHeardMillis = now;
    client.usersSetUp = report.usersSetUp();
    for (ClientReport.Second second : report.seconds()) {
      accept(client, second);
    }
    if (report.phase() != ClientPhase.SETTING_UP && !client.setUp) {
      client.setUp = true;
      window.setUp(client.id, now);
    }
    String was = client.state;
    client.state = ClientState.of(report.phase());
    if (!was.equals(client.state) && client.settled()) {
      event("client " + client.id + " " + client.state + (client.lastSecond >= 0
          ? " after second " + client.lastSecond : " without measuring"));
    }
    if (!client.setUp) {
      return unknown(window.over(now)); // its part of the window is fixed once it is set up
    }
    RunClock answer = window.clockFor(client.id, now);
    if (answer.windowKnown() && client.firstSecond < 0) {
      client.firstSecond = answer.firstSecond();
    }
    if (client.state.equals(ClientState.WARMING_UP) && window.over(now) && !answer.stop()) {
      // Its part of the window should have begun: it never measured, and the run is over.
      return new RunClock(answer.startsInMillis(), answer.firstSecond(), answer.endsInMillis(),
          answer.windowStartEpochMillis(), true);
    }
    return answer;
  }

  private void accept(ClientState client, ClientReport.Second second) throws InvalidInputException {
    if (second.second() <= client.lastSecond) {
      return; // sent again after an answer was lost: taken already
    }
    if (window.stopped() && second.second() >= window.seconds()) {
      return; // begun after the stop, before the client heard of it
    }
    if (client.firstSecond < 0 || second.second() < client.firstSecond || second.second() >= window.seconds()) {
      throw new InvalidInputException("second", second.second(), "is outside client " + client.id
          + "'s part of the window (" + client.firstSecond + ".." + (window.seconds() - 1) + ")");
    }
    Map<Tag, Histogram> histograms = new java.util.LinkedHashMap<>();
    for (ClientReport.TaggedHistogram tagged : second.histograms()) {
      try {
        histograms.put(Tag.parse(tagged.tag()), HistogramBytes.decode(tagged.compressed(),
            "client " + client.id + "'s " + tagged.tag() + " of second " + second.second()));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("histogram", tagged.tag(), "is refused: " + e.getMessage());
      }
    }
    merge.add(client.id, second.second(), second.millis(), histograms, second.usersOnline(), second.lagP99Millis());
    for (ClientReport.ErrorCount error : second.errors()) {
      try {
        Op.fromWireName(error.op());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("op", error.op(), "is no operation");
      }
      merge.errors(error.op(), ErrorCounts.cleanType(error.type()), Math.max(0, error.count()));
    }
    client.lastSecond = Math.max(client.lastSecond, second.second());
    try {
      folder.spool(client.id, window.start(), second.second(), second.millis(), histograms, second.usersOnline(),
          second.lagP99Millis());
    } catch (IOException e) {
      log.error("cannot file second {} of client {} in {}", second.second(), client.id, folder.dir(), e);
    }
  }

  @Override
  public synchronized void upload(FileChunk chunk) throws NotFoundException, InvalidInputException {
    require(chunk.clientId());
    try {
      folder.upload(chunk);
    } catch (IOException e) {
      log.error("cannot write {} of client {} in {}", chunk.name(), chunk.clientId(), folder.dir(), e);
      throw new InvalidInputException("name", chunk.name(), "cannot be written in the run folder: " + e);
    }
  }

  @Override
  public synchronized void notStarted(int clientId, String reason) throws InvalidInputException {
    if (reason.length() > 500) {
      throw new InvalidInputException("reason", reason, "is " + reason.length() + " characters; the limit is 500");
    }
    long now = clock.getAsLong();
    ids.hold(clientId);
    ClientState client = clients.computeIfAbsent(clientId, id -> new ClientState(id, "?", 0, now));
    client.state = ClientState.NOT_STARTED;
    client.note = reason;
    window.failed(clientId, now);
    event("client " + clientId + " failed to start: " + reason);
  }

  /**
   * Advances the run at {@code now}: marks the clients not heard from lost, freezes the seconds
   * every measuring client has pushed, and ends the run early when a threshold fails with
   * {@code --abort-on-fail} or no expected client can measure.
   */
  synchronized void tick(long now) {
    for (ClientState client : clients.values()) {
      if (!client.settled() && now - client.lastHeardMillis > LOST_AFTER_MILLIS) {
        client.state = ClientState.LOST;
        window.failed(client.id, now);
        event("client " + client.id + " lost: not heard from for " + (now - client.lastHeardMillis) / 1000 + " s"
            + (client.lastSecond >= 0 ? "; its seconds up to " + client.lastSecond + " count" : ""));
      }
    }
    long safe = Long.MAX_VALUE;
    for (ClientState client : clients.values()) {
      if (client.pushes()) {
        safe = Math.min(safe, Math.max(client.lastSecond, client.firstSecond - 1));
      }
    }
    if (window.start() != RunClock.UNKNOWN) {
      long current = Math.floorDiv(now - window.start(), 1000);
      long tooOld = current - LOST_AFTER_MILLIS / 1000 - 2;
      merge.freezeThrough(Math.max(safe == Long.MAX_VALUE ? merge.lastOpenSecond() : safe, tooOld));
    }
    if (options.abortOnFail() && abortReason.isEmpty() && merge.measuredSeconds() >= 10) {
      thresholds.evaluate(merge.summary()).stream().filter(v -> !v.pass()).findFirst().ifPresent(v -> {
        abortReason = "threshold " + v.threshold().expression() + " failed (" + v.line().measured() + ")";
        stop(now, "aborted: " + abortReason);
      });
    }
    if (window.hopeless() && !window.stopped()) {
      stop(now, "no expected client can measure: every one failed");
    }
  }

  /** Ends the window now and tells every client to stop; {@code why} is printed. */
  synchronized void stop(long now, String why) {
    if (!window.stopped()) {
      window.stop(now);
      event("run stopped: " + why);
    }
  }

  /** Returns whether the run is over: its window ended and no client is still to be heard from. */
  synchronized boolean finished(long now) {
    return window.over(now) && clients.values().stream().allMatch(ClientState::settled);
  }

  /** Takes the engine's reading at {@code atMillis}: a second of the window when it ends on one. */
  synchronized void engineRead(long atMillis, long gcCount, double gcMillis, double cpuPercent) {
    gcMillisSinceLine += gcMillis;
    long start = window.start();
    if (start == RunClock.UNKNOWN || atMillis <= start || atMillis > window.end() || (atMillis - start) % 1000 != 0) {
      return;
    }
    merge.engine((atMillis - start) / 1000 - 1, gcMillis, cpuPercent);
    try {
      folder.engine(atMillis, gcCount, gcMillis, cpuPercent);
    } catch (IOException e) {
      log.error("cannot write the engine's second ending {} in {}", atMillis, folder.dir(), e);
    }
  }

  /** Returns when the engine should be read next: the next whole second of the window once known. */
  synchronized long nextEngineReadAt(long now) {
    long start = window.start();
    long from = start == RunClock.UNKNOWN ? startedMillis : start;
    return from + (Math.floorDiv(now - from, 1000) + 1) * 1000;
  }

  /** Returns the lines to print since the last call: joins, losses, ends. */
  synchronized List<String> takeEvents() {
    List<String> taken = List.copyOf(events);
    events.clear();
    return taken;
  }

  /** Returns the thresholds' verdicts on the window's merged table. */
  synchronized List<Thresholds.Verdict> verdicts() {
    return thresholds.evaluate(merge.summary());
  }

  /** Returns the run's thresholds. */
  Thresholds thresholds() {
    return thresholds;
  }

  /**
   * Ends the filing: marks the lost clients lost in their client-K.properties and closes every
   * file. Returns the ids of every client that joined or was to start, for the merge.
   */
  synchronized SortedSet<Integer> closeFolder() throws IOException {
    merge.freezeThrough(Long.MAX_VALUE - 1);
    for (ClientState client : clients.values()) {
      if (client.state.equals(ClientState.LOST)) {
        folder.markLost(client.id);
      }
    }
    folder.close();
    return new TreeSet<>(clients.keySet());
  }

  private static RunClock unknown(boolean stop) {
    return new RunClock(RunClock.UNKNOWN, 0, RunClock.UNKNOWN, RunClock.UNKNOWN, stop);
  }

  private ClientState require(int id) throws NotFoundException {
    ClientState client = clients.get(id);
    if (client == null) {
      throw NotFoundException.of("client", id);
    }
    return client;
  }

  private void event(String line) {
    events.add(line);
    log.debug(line);
  }
}
