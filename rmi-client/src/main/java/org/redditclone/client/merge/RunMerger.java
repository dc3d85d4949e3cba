package org.redditclone.client.merge;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.redditclone.api.Subreddit;
import org.redditclone.client.metrics.ErrorCounts;
import org.redditclone.client.metrics.Interval;
import org.redditclone.client.metrics.IntervalLogReader;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.metrics.SummaryTable;
import org.redditclone.client.runfiles.PropertiesFile;
import org.redditclone.client.runfiles.RunFiles;
import org.redditclone.client.runfiles.RunKeys.Client;
import org.redditclone.client.runfiles.RunKeys.Run;
import org.redditclone.client.runfiles.RunKeys;

/**
 * Merges the files of a run directory and checks the run against the engine; {@link MergeMain}
 * wires it to the command line and the registry.
 */
final class RunMerger {

  /** Exit status: every check passed. */
  static final int OK = 0;
  /** Exit status: an error other than bad usage or a failed check; or the check was not made. */
  static final int ERROR = 1;
  /** Exit status: the consistency check failed. */
  static final int CONSISTENCY_FAILED = 3;

  static final int ZIPF_FETCH_MAX = 1_000;

  /** The configuration of client-K.properties copied into run.properties, in file order. */
  static final Map<Run, Client> COPIED = copied();

  /**
   * What a merge found.
   *
   * @param steady the steady-phase rows of merged.csv
   * @param steadySeconds the length of the union of the clients' steady windows
   * @param laggingSeconds the seconds in which a client's schedule-lag p99 exceeded the limit
   * @param laggingClients those clients
   * @param consistency the consistency check
   * @param zipf the Zipf check, empty when it could not run
   * @param zipfNote why the Zipf check did not run, or empty
   * @param runProperties what was written to run.properties
   * @param exitStatus {@link #OK}, {@link #CONSISTENCY_FAILED} or {@link #ERROR} (also when the
   *     consistency check could not be made)
   */
  record Outcome(
      List<SummaryRow> steady,
      double steadySeconds,
      SortedSet<Long> laggingSeconds,
      SortedSet<Integer> laggingClients,
      Consistency.Result consistency,
      Optional<ZipfCheck.Result> zipf,
      String zipfNote,
      Map<String, String> runProperties,
      int exitStatus) {}

  private final Path dir;
  private final LiveEngine engine;

  RunMerger(Path dir, LiveEngine engine) {
    this.dir = requireNonNull(dir, "dir");
    this.engine = requireNonNull(engine, "engine");
  }

  /**
   * Merges the run and writes merged.csv, setup.csv, timeline.csv, errors.csv, zipf.csv,
   * consistency.txt and run.properties.
   *
   * @param expected the clients that should have run, or empty to expect those found
   * @throws IOException if a file cannot be read or written, or the directory holds no client
   */
  Outcome merge(SortedSet<Integer> expected) throws IOException {
    Map<Integer, ClientRun> clients = new TreeMap<>();
    for (ClientRun client : ClientRun.scan(dir)) {
      clients.put(client.id(), client);
    }
    for (int id : expected) {
      if (!clients.containsKey(id)) {
        clients.put(id, ClientRun.load(dir, id));
      }
    }
    if (clients.isEmpty()) {
      throw new IOException("no client-K.* files in " + dir + "; is it the directory of a run?");
    }
    Map<String, String> run = new LinkedHashMap<>();
    run.put(Run.RUN_DIR.key(), dir.toAbsolutePath().toString());
    run.put(Run.CLIENTS.key(), ids(clients.values(), false));
    run.put(Run.CLIENTS_FINISHED.key(), ids(clients.values(), true));
    String missing = clients.values().stream().filter(c -> !c.finished())
        .map(c -> Integer.toString(c.id())).collect(Collectors.joining(","));
    if (!missing.isEmpty()) {
      run.put(Run.MISSING_CLIENTS.key(), missing);
    }
    String lost = clients.values().stream().filter(ClientRun::lost)
        .map(c -> Integer.toString(c.id())).collect(Collectors.joining(","));
    if (!lost.isEmpty()) {
      run.put(Run.LOST_CLIENTS.key(), lost);
    }

    // The steady phase: one pass over every log feeds the timeline and the totals. It lasts from
    // the first start to the end of the last interval; a client's end (after its last interval,
    // signing its users off) only stands in when no client logged an interval.
    OptionalLong steadyStart = OptionalLong.empty();
    OptionalLong intervalsEnd = OptionalLong.empty();
    OptionalLong end = OptionalLong.empty();
    Set<Op> ops = EnumSet.noneOf(Op.class);
    List<ClientRun> withLogs = new ArrayList<>();
    for (ClientRun client : clients.values()) {
      steadyStart = min(steadyStart, positive(client.number(Client.STEADY_STARTED_EPOCH_MS)));
      end = max(end, client.number(Client.ENDED_EPOCH_MS));
      if (Files.isRegularFile(client.steadyLog())) {
        IntervalLogReader.Index index = IntervalLogReader.index(client.steadyLog());
        steadyStart = min(steadyStart, index.startMillis());
        intervalsEnd = max(intervalsEnd, index.lastEndMillis());
        ops.addAll(index.ops());
        withLogs.add(client);
      }
    }
    OptionalLong steadyEnd = intervalsEnd.isPresent() ? intervalsEnd : end;
    end = max(end, intervalsEnd);
    long start = steadyStart.orElse(0);
    double steadySeconds = steadyStart.isPresent() && steadyEnd.isPresent()
        ? Math.max(0, steadyEnd.getAsLong() - start) / 1000.0 : 0;
    Timeline timeline = new Timeline(start, ops);
    for (ClientRun client : clients.values()) {
      if (Files.isRegularFile(client.onlineCsv())) {
        timeline.addOnline(client.id(), OnlineSamples.read(client.onlineCsv()));
      }
    }
    Path engineCsv = dir.resolve(RunFiles.ENGINE_CSV);
    if (Files.isRegularFile(engineCsv)) {
      timeline.addEngine(EngineSamples.read(engineCsv));
    }
    HistogramSet steady = new HistogramSet();
    StringWriter timelineText = new StringWriter();
    Map<Integer, IntervalLogReader.Source> sources = new LinkedHashMap<>();
    try {
      for (ClientRun client : withLogs) {
        sources.put(client.id(), IntervalLogReader.open(client.steadyLog()));
      }
      timeline.write(sources, steady::add, timelineText);
    } finally {
      sources.values().forEach(IntervalLogReader.Source::close);
    }
    List<SummaryRow> steadyRows = steady.rows(steadySeconds);
    write(RunFiles.MERGED_CSV, SummaryTable.csv(steadyRows));
    write(RunFiles.TIMELINE_CSV, timelineText.toString());

    // The setup phase: one interval per tag and client.
    HistogramSet setup = new HistogramSet();
    OptionalLong setupStart = OptionalLong.empty();
    OptionalLong setupEnd = OptionalLong.empty();
    for (ClientRun client : clients.values()) {
      setupStart = min(setupStart, client.number(Client.STARTED_EPOCH_MS));
      setupEnd = max(setupEnd, client.number(Client.STEADY_STARTED_EPOCH_MS));
      if (Files.isRegularFile(client.setupLog())) {
        for (Interval interval : IntervalLogReader.readAll(client.setupLog())) {
          setup.add(interval);
          setupStart = min(setupStart, OptionalLong.of(interval.startMillis()));
          setupEnd = max(setupEnd, OptionalLong.of(interval.endMillis()));
        }
      }
    }
    double setupSeconds = setupStart.isPresent() && setupEnd.isPresent()
        ? (setupEnd.getAsLong() - setupStart.getAsLong()) / 1000.0 : 0;
    write(RunFiles.SETUP_CSV, SummaryTable.csv(setup.rows(setupSeconds)));

    ErrorCounts errors = new ErrorCounts();
    for (ClientRun client : clients.values()) {
      if (Files.isRegularFile(client.errorsCsv())) {
        errors.addAll(ErrorCounts.read(client.errorsCsv()));
      }
    }
    write(RunFiles.ERRORS_CSV, errors.csv());

    describe(run, clients.values(), setupStart, steadyStart, end, steadySeconds);
    run.put(Run.LAG_SECONDS.key(), Integer.toString(timeline.laggingSeconds().size()));
    if (!timeline.laggingClients().isEmpty()) {
      run.put(Run.LAG_CLIENTS.key(), timeline.laggingClients().stream().map(String::valueOf)
          .collect(Collectors.joining(",")));
    }

    // The checks against the live engine.
    Consistency.Result consistency = ConsistencyCheck.of(dir, clients.values(), engine);
    int status = !consistency.checked() ? ERROR : consistency.pass() ? OK : CONSISTENCY_FAILED;
    write(RunFiles.CONSISTENCY_TXT, consistency.text());
    run.putAll(consistency.entries());

    Optional<ZipfCheck.Result> zipf = Optional.empty();
    String zipfNote = "";
    ClientRun first = clients.values().stream().filter(ClientRun::finished).findFirst()
        .orElse(clients.values().iterator().next());
    try {
      int m = Integer.parseInt(first.property(Client.SUBREDDITS).orElseThrow(
          () -> new IllegalArgumentException("client " + first.id() + " has no subreddits")));
      double s = Double.parseDouble(first.property(Client.ZIPF_EXPONENT).orElseThrow(
          () -> new IllegalArgumentException("client " + first.id() + " has no zipf.exponent")));
      List<Subreddit> byMembers = engine.subredditsByMembers(Math.min(m, ZIPF_FETCH_MAX));
      Map<String, Long> posts = new HashMap<>();
      for (Subreddit subreddit : byMembers) {
        posts.put(subreddit.name(), engine.posts(subreddit.name()));
      }
      ZipfCheck.Result check = ZipfCheck.check(byMembers, posts, m, s);
      run.put(Run.ZIPF_CHECKED_SUBREDDITS.key(), Integer.toString(Math.min(m, ZIPF_FETCH_MAX)));
      run.put(Run.ZIPF_FITTED_EXPONENT.key(), Latencies.decimal(check.fit().exponent()));
      run.put(Run.ZIPF_FITTED_RANKS.key(), Integer.toString(check.fit().points()));
      run.put(Run.ZIPF_CHECK.key(), check.verdict());
      run.put(Run.ZIPF_POSTS_SPEARMAN.key(), Latencies.decimal(check.spearman()));
      run.put(Run.ZIPF_POSTS_SUBREDDITS.key(), Integer.toString(check.withPosts()));
      write(RunFiles.ZIPF_CSV, ZipfCheck.csv(check));
      zipf = Optional.of(check);
    } catch (Exception e) {
      Files.deleteIfExists(dir.resolve(RunFiles.ZIPF_CSV));
      zipfNote = "no Zipf check: "
          + (e.getClass() == IllegalArgumentException.class ? e.getMessage() : describe(e));
      run.put(Run.ZIPF_NOTE.key(), zipfNote);
    }
    PropertiesFile.write(dir.resolve(RunFiles.RUN_PROPERTIES), "redditclone run " + dir.getFileName(), run);
    return new Outcome(steadyRows, steadySeconds, timeline.laggingSeconds(), timeline.laggingClients(),
        consistency, zipf, zipfNote, run, status);
  }

  private void describe(Map<String, String> run, Iterable<ClientRun> clients, OptionalLong setupStart,
      OptionalLong steadyStart, OptionalLong end, double steadySeconds) throws IOException {
    long users = 0;
    for (ClientRun client : clients) {
      OptionalLong clientUsers = client.number(Client.USERS);
      if (clientUsers.isPresent()) {
        run.put(Run.USERS_CLIENT.key(client.id()), Long.toString(clientUsers.getAsLong()));
        users += clientUsers.getAsLong();
      }
      client.property(Client.SEED).ifPresent(seed -> run.put(Run.SEED_CLIENT.key(client.id()), seed));
    }
    run.put(Run.USERS_TOTAL.key(), Long.toString(users));
    COPIED.forEach((runKey, clientKey) -> {
      String values = distinct(clients, clientKey);
      if (!values.isEmpty()) {
        run.put(runKey.key(), values);
      }
    });
    run.put(Run.HOST_NAME.key(), hostName());
    run.put(Run.MERGE_JAVA_VERSION.key(), System.getProperty("java.version"));
    setupStart.ifPresent(t -> run.put(Run.STARTED_EPOCH_MS.key(), Long.toString(t)));
    setupStart.ifPresent(t -> run.put(Run.STARTED_ISO.key(), Instant.ofEpochMilli(t).toString()));
    steadyStart.ifPresent(t -> run.put(Run.STEADY_STARTED_EPOCH_MS.key(), Long.toString(t)));
    end.ifPresent(t -> run.put(Run.ENDED_EPOCH_MS.key(), Long.toString(t)));
    end.ifPresent(t -> run.put(Run.ENDED_ISO.key(), Instant.ofEpochMilli(t).toString()));
    run.put(Run.STEADY_DURATION_S.key(), String.format(java.util.Locale.ROOT, "%.3f", steadySeconds));
  }

  /** Returns the class and message of {@code e} on one line (RMI nests causes in its messages). */
  static String describe(Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s*\\R\\s*", " ");
    return e.getClass().getSimpleName() + message;
  }

  /** Returns the distinct values of {@code key} over the clients, joined by commas. */
  private static String distinct(Iterable<ClientRun> clients, Client key) {
    Set<String> values = new java.util.LinkedHashSet<>();
    clients.forEach(client -> client.property(key).ifPresent(values::add));
    return String.join(",", values);
  }

  private static Map<Run, Client> copied() {
    Map<Run, Client> copied = new LinkedHashMap<>();
    for (Run key : List.of(Run.DURATION_S, Run.RATE, Run.CLOSED, Run.CONCURRENCY, Run.MIX,
        Run.SUBREDDITS, Run.ZIPF_EXPONENT, Run.ONLINE_MEAN_S, Run.OFFLINE_MEAN_S, Run.JAVA_VERSION,
        Run.ENGINE)) {
      copied.put(key, RunKeys.byKey(Client.class, key.key()));
    }
    return copied;
  }

  private static String ids(Iterable<ClientRun> clients, boolean finishedOnly) {
    List<String> ids = new ArrayList<>();
    clients.forEach(client -> {
      if (!finishedOnly || client.finished()) {
        ids.add(Integer.toString(client.id()));
      }
    });
    return String.join(",", ids);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private void write(String name, String text) throws IOException {
    RunFiles.writeAtomically(dir.resolve(name), text);
  }

  /** Returns {@code value} if it is a time, empty for 0 (a client that never started its steady phase). */
  private static OptionalLong positive(OptionalLong value) {
    return value.isPresent() && value.getAsLong() > 0 ? value : OptionalLong.empty();
  }

  private static OptionalLong min(OptionalLong a, OptionalLong b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
  }

  private static OptionalLong max(OptionalLong a, OptionalLong b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : OptionalLong.of(Math.max(a.getAsLong(), b.getAsLong()));
  }
}
