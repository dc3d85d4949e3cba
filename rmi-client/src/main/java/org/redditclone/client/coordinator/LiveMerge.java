package org.redditclone.client.coordinator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.metrics.Phase;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.metrics.SummaryTable;
import org.redditclone.client.metrics.Tag;
import org.redditclone.client.report.RunView;
import org.redditclone.client.runfiles.RunColumns;

/**
 * The live merge of the seconds clients push: the window's totals per operation and outcome (for
 * the table and the thresholds: the same figures the file merge writes to merged.csv), and per
 * second of the window the figures of timeline.csv and more. A second stays open, its histograms
 * kept, until the coordinator freezes it ({@link #freezeThrough}: every client that measures has
 * pushed it, or it is too old to wait for); then only its figures are kept. Not thread-safe: the
 * coordinator's lock guards it.
 */
final class LiveMerge {

  private final Map<Op, Histogram> successes = new EnumMap<>(Op.class);
  private final Map<Op, Histogram> failures = new EnumMap<>(Op.class);
  private final SortedMap<Long, OpenSecond> open = new TreeMap<>();
  private final SortedMap<Long, double[]> engine = new TreeMap<>();
  private static final int MAX_ERROR_KINDS = 1_000;
  private final SortedMap<String, Long> errorTypes = new TreeMap<>(); // "op type" -> failed calls
  private final List<RunView.Second> frozen = new ArrayList<>();
  private long frozenThrough = -1;
  private long endMillis;
  private final Histogram lineAll = Latencies.newHistogram();
  private long lineErrors;
  private long lineSeconds;
  private long lineOnline;

  /** One second still open: its histograms per operation and what its clients said. */
  private static final class OpenSecond {
    final Map<Op, Histogram> ok = new EnumMap<>(Op.class);
    final Map<Op, Long> failed = new EnumMap<>(Op.class);
    final TreeSet<Integer> clients = new TreeSet<>();
    final TreeSet<Integer> lagging = new TreeSet<>();
    long online;
    double lag = Double.NaN;
  }

  /**
   * Adds what client {@code client} measured in {@code second} of the window ({@code millis} long):
   * its histograms, its users online and its schedule-lag p99 (NaN if none). A second already
   * frozen counts in the totals only.
   */
  void add(int client, long second, long millis, Map<Tag, Histogram> histograms, int usersOnline, double lagP99Millis) {
    histograms.forEach((tag, histogram) -> (tag.error() ? failures : successes)
        .computeIfAbsent(tag.op(), op -> Latencies.newHistogram()).add(histogram));
    endMillis = Math.max(endMillis, second * 1000 + millis);
    if (second <= frozenThrough) {
      return;
    }
    OpenSecond at = open.computeIfAbsent(second, s -> new OpenSecond());
    histograms.forEach((tag, histogram) -> {
      if (tag.error()) {
        at.failed.merge(tag.op(), histogram.getTotalCount(), Long::sum);
      } else {
        at.ok.computeIfAbsent(tag.op(), op -> Latencies.newHistogram()).add(histogram);
      }
    });
    if (at.clients.add(client)) {
      at.online += usersOnline;
    }
    if (!Double.isNaN(lagP99Millis)) {
      at.lag = Double.isNaN(at.lag) ? lagP99Millis : Math.max(at.lag, lagP99Millis);
      if (lagP99Millis > RunColumns.LAG_LIMIT_MS) {
        at.lagging.add(client);
      }
    }
  }

  /** Adds {@code count} failed calls of {@code op} with error {@code type}. */
  void errors(String op, String type, long count) {
    String key = op + " " + type;
    // A bound on the kinds a (misbehaving) client can make the coordinator keep.
    errorTypes.merge(errorTypes.size() < MAX_ERROR_KINDS || errorTypes.containsKey(key) ? key : op + " other",
        count, Long::sum);
  }

  /** Returns the window's failed calls by operation and type, sorted so. */
  List<RunView.ErrorCount> errorCounts() {
    List<RunView.ErrorCount> counts = new ArrayList<>();
    errorTypes.forEach((key, count) -> {
      int space = key.indexOf(' ');
      counts.add(new RunView.ErrorCount(
          Phase.STEADY.fileName(), key.substring(0, space), key.substring(space + 1), count));
    });
    return counts;
  }

  /** Sets the engine's GC pauses (ms) and CPU (percent of a core) in {@code second}. */
  void engine(long second, double gcMillis, double cpuPercent) {
    engine.put(second, new double[] {gcMillis, cpuPercent});
  }

  /** Freezes every open second up to {@code second}: its figures are final. */
  void freezeThrough(long second) {
    while (!open.isEmpty() && open.firstKey() <= second) {
      long s = open.firstKey();
      OpenSecond at = open.remove(s);
      frozen.add(figures(s, at));
      frozenThrough = s;
    }
    frozenThrough = Math.max(frozenThrough, second);
    engine.headMap(frozenThrough - 60).clear(); // readings of seconds nobody measured
  }

  /** Returns the last second frozen, -1 if none. */
  long frozenThrough() {
    return frozenThrough;
  }

  /** Returns the last second any client pushed, -1 if none. */
  long lastOpenSecond() {
    return open.isEmpty() ? frozenThrough : open.lastKey();
  }

  private RunView.Second figures(long second, OpenSecond at) {
    Map<String, RunView.OpSecond> ops = new LinkedHashMap<>();
    Histogram all = Latencies.newHistogram();
    long allErrors = 0;
    for (Op op : Op.values()) {
      Histogram ok = at.ok.get(op);
      long errors = at.failed.getOrDefault(op, 0L);
      if (ok == null && errors == 0) {
        continue;
      }
      ops.put(op.wireName(), opSecond(ok, errors));
      if (ok != null) {
        all.add(ok);
      }
      allErrors += errors;
    }
    ops.put(RunColumns.ALL, opSecond(all, allErrors));
    lineAll.add(all);
    lineErrors += allErrors;
    lineSeconds++;
    lineOnline = at.online;
    double[] engineAt = engine.remove(second);
    return new RunView.Second(second, at.clients.size(), at.online,
        engineAt == null ? Double.NaN : engineAt[0], engineAt == null ? Double.NaN : engineAt[1],
        at.lag, List.copyOf(at.lagging), ops);
  }

  private static RunView.OpSecond opSecond(Histogram ok, long errors) {
    long count = ok == null ? 0 : ok.getTotalCount();
    if (count == 0) {
      double none = Double.NaN;
      return new RunView.OpSecond(0, errors, none, none, none, none, none);
    }
    return new RunView.OpSecond(count, errors, ms(ok.getValueAtPercentile(50)), ms(ok.getValueAtPercentile(90)),
        ms(ok.getValueAtPercentile(99)), ms(ok.getValueAtPercentile(99.9)), ms(ok.getMaxValue()));
  }

  /** Returns the frozen seconds, in order. */
  List<RunView.Second> seconds() {
    return List.copyOf(frozen);
  }

  /** Returns whether any client pushed a second. */
  boolean hasData() {
    return endMillis > 0;
  }

  /** Returns the window's seconds with data so far: to the end of the last second pushed. */
  double measuredSeconds() {
    return endMillis / 1000.0;
  }

  /** Returns the merged table of the window so far: a row per operation, then ALL (latencies in ns). */
  List<SummaryRow> summary() {
    return SummaryTable.rows(successes, failures, measuredSeconds());
  }

  /** Returns, per operation and ALL, the latency (ms) at each of {@link RunView#PERCENTILES}. */
  Map<String, double[]> spectrum() {
    Map<String, double[]> spectrum = new LinkedHashMap<>();
    Histogram all = Latencies.newHistogram();
    successes.forEach((op, histogram) -> {
      spectrum.put(op.wireName(), percentiles(histogram));
      all.add(histogram);
    });
    spectrum.put(RunColumns.ALL, percentiles(all));
    return spectrum;
  }

  private static double[] percentiles(Histogram histogram) {
    double[] values = new double[RunView.PERCENTILES.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = histogram.getTotalCount() == 0 ? Double.NaN
          : ms(histogram.getValueAtPercentile(RunView.PERCENTILES[i]));
    }
    return values;
  }

  /**
   * The seconds frozen since the last call, for the terminal line.
   *
   * @param seconds how many
   * @param callsPerSecond successful calls per second over them
   * @param p50 median latency, ms (NaN without calls)
   * @param p99 99th percentile, ms
   * @param p999 99.9th percentile, ms
   * @param errors failed calls
   * @param usersOnline users online in the last of them
   */
  record Recent(long seconds, double callsPerSecond, double p50, double p99, double p999, long errors, long usersOnline) {}

  /** Returns the seconds frozen since the last call and starts anew. */
  Recent takeRecent() {
    long count = lineAll.getTotalCount();
    Recent recent = new Recent(lineSeconds, lineSeconds == 0 ? Double.NaN : (double) count / lineSeconds,
        count == 0 ? Double.NaN : ms(lineAll.getValueAtPercentile(50)),
        count == 0 ? Double.NaN : ms(lineAll.getValueAtPercentile(99)),
        count == 0 ? Double.NaN : ms(lineAll.getValueAtPercentile(99.9)), lineErrors, lineOnline);
    lineAll.reset();
    lineErrors = 0;
    lineSeconds = 0;
    return recent;
  }

  private static double ms(double nanos) {
    return nanos / 1e6;
  }
}
