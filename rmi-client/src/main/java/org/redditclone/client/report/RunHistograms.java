package org.redditclone.client.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.redditclone.client.metrics.Interval;
import org.redditclone.client.metrics.IntervalLogReader;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.runfiles.RunColumns;

/**
 * The latencies of the successful calls of a run's steady phase, summed over the intervals of
 * every {@code client-K.hlog}, per operation and for {@code ALL}: exact, as percentiles are
 * computed from the sum and never averaged. Failed calls ({@code <op>.error} tags) are left out.
 */
public final class RunHistograms {

  private static final Pattern STEADY_LOG = Pattern.compile("client-\\d+\\.hlog");

  private final Map<String, Histogram> totals;

  private RunHistograms(Map<String, Histogram> totals) {
    this.totals = totals;
  }

  /**
   * Returns the histograms of the steady logs of {@code runDir}; none when it has no log.
   *
   * @throws IOException if a log cannot be read or decoded, naming the file
   */
  public static RunHistograms read(Path runDir) throws IOException {
    List<Path> logs;
    try (Stream<Path> files = Files.list(runDir)) {
      logs = files.filter(f -> STEADY_LOG.matcher(f.getFileName().toString()).matches())
          .sorted().toList();
    }
    Map<String, Histogram> totals = new HashMap<>();
    for (Path log : logs) {
      readLog(log, totals);
    }
    return new RunHistograms(ordered(totals));
  }

  /** Returns the operations with successful calls, in merged.csv's order, then {@code ALL} if any. */
  public List<String> ops() {
    return List.copyOf(totals.keySet());
  }

  /** Returns the sum of the successes of {@code op} (a wire name or ALL), or null if none. */
  public Histogram total(String op) {
    return totals.get(op);
  }

  private static void readLog(Path log, Map<String, Histogram> totals) throws IOException {
    try (IntervalLogReader.Source source = IntervalLogReader.open(log)) {
      for (Interval interval = source.next(); interval != null; interval = source.next()) {
        if (!interval.tag().error()) {
          totals.computeIfAbsent(interval.tag().op().wireName(), o -> Latencies.newHistogram())
              .add(interval.histogram());
          totals.computeIfAbsent(RunColumns.ALL, o -> Latencies.newHistogram()).add(interval.histogram());
        }
      }
    }
  }

  private static Map<String, Histogram> ordered(Map<String, Histogram> totals) {
    return Collections.unmodifiableMap(OpOrder.sorted(totals));
  }

}
