package org.redditclone.client.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.runfiles.PropertiesFile;
import org.redditclone.client.runfiles.RunColumns;
import org.redditclone.client.runfiles.RunFiles;
import org.redditclone.client.runfiles.RunKeys.Client;
import org.redditclone.client.runfiles.RunKeys.Run;
import org.redditclone.client.runfiles.ThresholdsFile;

/**
 * Builds the {@link RunView} of a run folder that has ended: the page's view of run.properties,
 * merged.csv, timeline.csv, zipf.csv, errors.csv, thresholds.txt, the clients' properties and,
 * for the spectrum, their interval logs. What a folder does not hold is unknown in the view: the
 * per-second p90, p99.9 and max (timeline.csv has p50 and p99), and the lagging clients' ids.
 */
public final class FolderView {

  /** The state of every run read from a folder: it has ended. */
  static final String FINISHED = "finished";

  private FolderView() {}

  /**
   * Returns the view of the run in {@code dir}.
   *
   * @throws IOException if {@code dir} is no run folder or one of its files is malformed, naming
   *     the file
   */
  public static RunView read(Path dir) throws IOException {
    return of(List.of(RunDir.read(dir)));
  }

  /**
   * Returns the view of {@code runs} taken together, as one side of a comparison: everything of
   * the first run, but the spectrum of the histograms of all runs summed.
   *
   * @throws IOException if a file of a run is malformed, naming the file
   */
  public static RunView of(List<RunDir> runs) throws IOException {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("runs is empty; a view needs at least one run");
    }
    RunDir run = runs.get(0);
    Map<String, String> config = run.config();
    List<RunView.Second> seconds = seconds(run.timeline());
    List<RunView.ErrorCount> errors = new ArrayList<>();
    run.errors().ifPresent(counts -> counts.snapshot().forEach((key, count) -> errors.add(
        new RunView.ErrorCount(key.phase().fileName(), key.op().wireName(), key.type(), count))));
    long ended = number(config, RunFiles.RUN_PROPERTIES, Run.ENDED_EPOCH_MS.key(), -1);
    long taken = ended >= 0
        ? ended : Files.getLastModifiedTime(run.dir().resolve(RunFiles.MERGED_CSV)).toMillis();
    long windowStart = number(config, RunFiles.RUN_PROPERTIES, Run.STEADY_STARTED_EPOCH_MS.key(), -1);
    return new RunView(run.name(), FINISHED, taken, windowStart, ended, config, clients(run),
        seconds, run.merged(), spectrum(runs), run.zipf(), thresholds(run.dir()),
        notes(config, seconds), errors);
  }

  /** Returns the seconds of timeline.csv, its rows of one second gathered by operation. */
  private static List<RunView.Second> seconds(List<TimelineRow> timeline) {
    SortedMap<Long, List<TimelineRow>> bySecond = new TreeMap<>();
    timeline.forEach(row -> bySecond.computeIfAbsent(row.second(), s -> new ArrayList<>()).add(row));
    List<RunView.Second> seconds = new ArrayList<>();
    bySecond.forEach((second, rows) -> {
      Map<String, RunView.OpSecond> ops = new LinkedHashMap<>();
      for (TimelineRow row : rows) {
        ops.put(row.op(), new RunView.OpSecond(row.count(), row.errors(), row.p50Millis(),
            Double.NaN, row.p99Millis(), Double.NaN, Double.NaN));
      }
      TimelineRow any = rows.get(rows.size() - 1);  // ALL, last; every row of a second agrees
      seconds.add(new RunView.Second(second, any.clients(), any.usersOnline(),
          any.engineGcMillis(), any.engineCpuPercent(), any.lagP99Millis(), List.of(), ops));
    });
    return seconds;
  }

  /** Returns the thresholds of thresholds.txt, none without it. */
  private static List<RunView.Threshold> thresholds(Path dir) throws IOException {
    Path file = dir.resolve(RunFiles.THRESHOLDS_TXT);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    return ThresholdsFile.read(file).stream()
        .map(line -> new RunView.Threshold(line.expression(), line.verdict(), line.measured()))
        .toList();
  }

  /** Returns the latency spectrum of each operation over the interval logs of all {@code runs}. */
  private static Map<String, double[]> spectrum(List<RunDir> runs) throws IOException {
    Map<String, Histogram> sums = new LinkedHashMap<>();
    for (RunDir run : runs) {
      RunHistograms histograms = run.histograms();
      for (String op : histograms.ops()) {
        sums.computeIfAbsent(op, o -> Latencies.newHistogram()).add(histograms.total(op));
      }
    }
    Map<String, double[]> spectrum = new LinkedHashMap<>();
    sums.forEach((op, histogram) -> spectrum.put(op, RunView.spectrumOf(histogram)));
    return spectrum;
  }

  /** Returns the clients of run.properties, with what their client-K.properties says. */
  private static List<RunView.Client> clients(RunDir run) throws IOException {
    Map<String, String> config = run.config();
    List<String> missing = List.of(config.getOrDefault(Run.MISSING_CLIENTS.key(), "").split(","));
    long windowStart = number(config, RunFiles.RUN_PROPERTIES, Run.STEADY_STARTED_EPOCH_MS.key(), -1);
    List<RunView.Client> clients = new ArrayList<>();
    for (String text : config.getOrDefault(Run.CLIENTS.key(), "").split(",")) {
      if (text.isBlank()) {
        continue;
      }
      int id = Integer.parseInt(text.strip());
      Path file = run.dir().resolve(RunFiles.clientProperties(id));
      Map<String, String> own = Files.isRegularFile(file) ? PropertiesFile.read(file) : Map.of();
      String state = missing.contains(text.strip())
          ? "lost" : own.getOrDefault(Client.STATUS.key(), "unknown");
      long first = -1;
      long last = -1;
      long started = number(own, file.getFileName().toString(), Client.STEADY_STARTED_EPOCH_MS.key(), -1);
      double actual = decimal(own.get(Client.STEADY_ACTUAL_S.key()));
      if (windowStart >= 0 && started > 0 && actual > 0) {
        first = Math.max(0, Math.floorDiv(started - windowStart, 1000L));
        last = first + (long) Math.ceil(actual) - 1;
      }
      int users = (int) number(config, RunFiles.RUN_PROPERTIES, Run.USERS_CLIENT.key(id),
          number(own, file.getFileName().toString(), Client.USERS.key(), 0));
      clients.add(new RunView.Client(id, "", state, users, first, last));
    }
    return clients;
  }

  /** Returns what the summary says beside the table: failed checks, missing clients, lag. */
  private static List<String> notes(Map<String, String> config, List<RunView.Second> seconds) {
    List<String> notes = new ArrayList<>();
    String consistency = config.get(Run.CONSISTENCY.key());
    if (consistency != null && !consistency.equals("PASS")) {
      String reason = config.get(Run.CONSISTENCY_REASON.key());
      notes.add("consistency check: " + consistency + (reason == null ? "" : " (" + reason + ")"));
    }
    String zipf = config.get(Run.ZIPF_CHECK.key());
    if (zipf != null && !zipf.equals("PASS")) {
      notes.add(String.format(Locale.ROOT, "Zipf check: %s, fitted exponent %s against the configured %s",
          zipf, config.get(Run.ZIPF_FITTED_EXPONENT.key()), config.get(Run.ZIPF_EXPONENT.key())));
    }
    String missing = config.get(Run.MISSING_CLIENTS.key());
    if (missing != null && !missing.isBlank()) {
      notes.add("clients that did not finish: " + missing);
    }
    long lagging = seconds.stream().filter(s -> s.lagP99Millis() > RunColumns.LAG_LIMIT_MS).count();
    if (lagging > 0) {
      notes.add(String.format(Locale.ROOT, "the clients' schedule lag p99 exceeded %d ms in %d of %d "
          + "seconds: the clients, not the engine, may have been the bottleneck",
          RunColumns.LAG_LIMIT_MS, lagging, seconds.size()));
    }
    return notes;
  }

  /** Returns the whole number under {@code key} of {@code file}, {@code absent} if none. */
  private static long number(Map<String, String> properties, String file, String key, long absent) {
    String value = properties.get(key);
    if (value == null || value.isBlank()) {
      return absent;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": " + key + " is '" + value + "'; expected a whole number", e);
    }
  }

  private static double decimal(String value) {
    try {
      return value == null ? Double.NaN : Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
