package org.redditclone.client.compare;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.report.RunDir;
import org.redditclone.client.report.SparseCounts;
import org.redditclone.client.report.TimelineRow;
import org.redditclone.client.runfiles.RunColumns;

/**
 * The comparison of two sides, per operation and figure, with a closing geometric-mean row.
 *
 * @param a side A
 * @param b side B
 * @param alpha the significance level
 * @param rows a row per operation in {@link Op} order, then ALL
 * @param geomean the geometric means over the operations (not ALL) that both sides have
 * @param config the configurations and their differences
 */
record Comparison(
    Side a, Side b, double alpha, List<Row> rows, Row geomean, ConfigDiff config) {

  /** Runs a side needs for the test over per-run figures; with fewer, seconds are tested. */
  static final int MIN_RUNS = 3;

  /** Samples a side needs for any test. */
  static final int MIN_SAMPLES = 3;

  /** The op of the geometric-mean row. */
  static final String GEOMEAN = "geomean";

  /**
   * One operation, or the geometric mean.
   *
   * @param op the operation's wire name, ALL or {@value #GEOMEAN}
   * @param cells one per {@link Metric}
   */
  record Row(String op, Map<Metric, Cell> cells) {

    Row {
      requireNonNull(op, "op");
      cells = Map.copyOf(cells);
    }

    Cell cell(Metric metric) {
      return cells.get(metric);
    }
  }

  /**
   * Returns the comparison of {@code a} with {@code b} at level {@code alpha}.
   *
   * @throws IOException if a run's interval logs cannot be read (they are read for p99, p99.9)
   */
  static Comparison of(Side a, Side b, double alpha) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String op : ops(a, b)) {
      Map<Metric, Cell> cells = new EnumMap<>(Metric.class);
      for (Metric metric : Metric.values()) {
        cells.put(metric, new Cell(metric, median(a, op, metric), median(b, op, metric),
            significance(a, b, op, metric)));
      }
      rows.add(new Row(op, cells));
    }
    return new Comparison(a, b, alpha, List.copyOf(rows), geomean(rows), ConfigDiff.of(a, b));
  }

  /** Returns whether per-run figures are tested, rather than per-second ones. */
  boolean testsRuns() {
    return testsRuns(a, b);
  }

  /** Returns the cells that regressed significantly by more than {@code percent}. */
  List<String> regressions(double percent) {
    List<String> found = new ArrayList<>();
    for (Row row : rows) {
      for (Metric metric : Metric.values()) {
        Cell cell = row.cell(metric);
        if (cell.regression(alpha, percent)) {
          found.add(row.op() + " " + metric.column + " " + Format.change(cell.change()));
        }
      }
    }
    return found;
  }

  private static boolean testsRuns(Side a, Side b) {
    return a.runs().size() >= MIN_RUNS && b.runs().size() >= MIN_RUNS;
  }

  /** Returns the operations either side has in merged.csv, in {@link Op} order, then ALL. */
  private static List<String> ops(Side a, Side b) {
    Set<String> present = new LinkedHashSet<>();
    for (Side side : List.of(a, b)) {
      for (RunDir run : side.runs()) {
        run.merged().stream().filter(r -> r.count() + r.errors() > 0 || r.op().equals(RunColumns.ALL))
            .forEach(r -> present.add(r.op()));
      }
    }
    List<String> ops = new ArrayList<>();
    for (Op op : Op.values()) {
      if (present.contains(op.wireName())) {
        ops.add(op.wireName());
      }
    }
    present.stream().filter(op -> !ops.contains(op) && !op.equals(RunColumns.ALL)).forEach(ops::add);
    if (present.contains(RunColumns.ALL)) {
      ops.add(RunColumns.ALL);
    }
    return ops;
  }

  /** Returns the median of the side's per-run values (NaN for a run without the op). */
  static double median(Side side, String op, Metric metric) {
    return median(perRun(side, op, metric));
  }

  private static double[] perRun(Side side, String op, Metric metric) {
    return side.runs().stream()
        .map(run -> run.mergedRow(op))
        .filter(java.util.Optional::isPresent)
        .map(java.util.Optional::get)
        .mapToDouble(metric::ofRun)
        .filter(v -> !Double.isNaN(v))
        .toArray();
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static Significance significance(Side a, Side b, String op, Metric metric)
      throws IOException {
    if (testsRuns(a, b)) {
      return mannWhitney(Significance.Test.RUNS, perRun(a, op, metric), perRun(b, op, metric));
    }
    if (!Double.isNaN(metric.tailPercentile())) {
      SparseCounts ca = calls(a, op);
      SparseCounts cb = calls(b, op);
      if (ca.total() < MIN_SAMPLES || cb.total() < MIN_SAMPLES) {
        return Significance.untested(count(ca), count(cb));
      }
      return new Significance(Significance.Test.QUANTILE,
          QuantileTest.pValue(ca, cb, metric.tailPercentile()), count(ca), count(cb));
    }
    return mannWhitney(Significance.Test.SECONDS, perSecond(a, op, metric), perSecond(b, op, metric));
  }

  private static Significance mannWhitney(Significance.Test test, double[] x, double[] y) {
    if (x.length < MIN_SAMPLES || y.length < MIN_SAMPLES) {
      return Significance.untested(x.length, y.length);
    }
    return new Significance(test, MannWhitney.pValue(x, y), x.length, y.length);
  }

  /**
   * Returns the per-second values of the side's runs, pooled; each run's last second is left out
   * when it has more than two, as the clients' last interval is a fraction of a second.
   */
  static double[] perSecond(Side side, String op, Metric metric) {
    List<Double> values = new ArrayList<>();
    for (RunDir run : side.runs()) {
      List<TimelineRow> rows = run.timeline(op);
      int end = rows.size() > 2 ? rows.size() - 1 : rows.size();
      for (TimelineRow row : rows.subList(0, end)) {
        double v = metric.ofSecond(row);
        if (!Double.isNaN(v)) {
          values.add(v);
        }
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Returns the successful calls of {@code op} in the hlogs of all the side's runs. */
  private static SparseCounts calls(Side side, String op) throws IOException {
    Histogram sum = Latencies.newHistogram();
    for (RunDir run : side.runs()) {
      Histogram total = run.histograms().total(op);
      if (total != null) {
        sum.add(total);
      }
    }
    return SparseCounts.of(sum);
  }

  private static int count(SparseCounts calls) {
    return (int) Math.min(Integer.MAX_VALUE, calls.total());
  }

  /** Returns the geometric means over the operations (not ALL) where both sides are positive. */
  static Row geomean(List<Row> rows) {
    Map<Metric, Cell> cells = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      double logA = 0;
      double logB = 0;
      int n = 0;
      for (Row row : rows) {
        if (row.op().equals(RunColumns.ALL)) {
          continue;
        }
        Cell cell = row.cell(metric);
        if (cell.a() > 0 && cell.b() > 0 && Double.isFinite(cell.a()) && Double.isFinite(cell.b())) {
          logA += Math.log(cell.a());
          logB += Math.log(cell.b());
          n++;
        }
      }
      double ga = n == 0 ? Double.NaN : Math.exp(logA / n);
      double gb = n == 0 ? Double.NaN : Math.exp(logB / n);
      cells.put(metric, new Cell(metric, ga, gb, Significance.untested(n, n)));
    }
    return new Row(GEOMEAN, cells);
  }
}
