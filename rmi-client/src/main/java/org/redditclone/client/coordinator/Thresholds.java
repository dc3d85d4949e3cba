package org.redditclone.client.coordinator;

import java.util.List;
import java.util.Optional;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.report.RunView;
import org.redditclone.client.runfiles.ThresholdsFile;

/**
 * The run's {@code --threshold}s, evaluated on the merged table of the measured window: the same
 * rows, with the same figures, as merged.csv.
 */
final class Thresholds {

  /** The state of a threshold before the window has data. */
  static final String PENDING = "pending";

  /**
   * One threshold against the window.
   *
   * @param threshold the threshold
   * @param measured the measured value in its unit; NaN when nothing was measured
   */
  record Verdict(Threshold threshold, double measured) {

    boolean pass() {
      return threshold.passes(measured);
    }

    /** Returns its line of thresholds.txt. */
    ThresholdsFile.Line line() {
      return new ThresholdsFile.Line(threshold.expression(), pass() ? ThresholdsFile.PASS : ThresholdsFile.FAIL,
          threshold.metric().format(measured));
    }
  }

  private final List<Threshold> list;

  Thresholds(List<Threshold> list) {
    this.list = List.copyOf(list);
  }

  /** Returns whether there are none. */
  boolean isEmpty() {
    return list.isEmpty();
  }

  /** Returns every threshold's verdict on {@code rows} (a row per operation, then ALL). */
  List<Verdict> evaluate(List<SummaryRow> rows) {
    return list.stream().map(t -> new Verdict(t, measure(t, rows))).toList();
  }

  /** Returns the thresholds as the live view shows them: pending while {@code rows} is empty. */
  List<RunView.Threshold> view(Optional<List<SummaryRow>> rows) {
    if (rows.isEmpty()) {
      return list.stream().map(t -> new RunView.Threshold(t.expression(), PENDING, "NaN")).toList();
    }
    return evaluate(rows.get()).stream()
        .map(v -> new RunView.Threshold(v.threshold().expression(), v.line().verdict(), v.line().measured()))
        .toList();
  }

  /** Returns the value {@code threshold} measures in {@code rows}, NaN when nothing was measured. */
  static double measure(Threshold threshold, List<SummaryRow> rows) {
    Optional<SummaryRow> found = rows.stream().filter(row -> row.op().equals(threshold.op())).findFirst();
    if (found.isEmpty()) {
      return threshold.metric() == Threshold.Metric.THROUGHPUT ? 0 : Double.NaN;
    }
    SummaryRow row = found.get();
    return switch (threshold.metric()) {
      case P50 -> row.p50Nanos() / 1e6;
      case P90 -> row.p90Nanos() / 1e6;
      case P99 -> row.p99Nanos() / 1e6;
      case P999 -> row.p999Nanos() / 1e6;
      case MAX -> row.maxNanos() / 1e6;
      case MEAN -> row.meanNanos() / 1e6;
      case ERROR_RATE -> row.count() + row.errors() == 0 ? Double.NaN
          : 100.0 * row.errors() / (row.count() + row.errors());
      case THROUGHPUT -> row.throughputPerSecond();
    };
  }
}
