package org.redditclone.client.compare;

import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.report.TimelineRow;

/** The figures compared per operation, and which direction of change is a regression. */
enum Metric {
  THROUGHPUT("throughput_per_s", "throughput (successful calls/s)", true),
  P50("p50_ms", "p50 latency (ms)", false),
  P99("p99_ms", "p99 latency (ms)", false),
  P999("p999_ms", "p99.9 latency (ms)", false),
  ERROR_RATE("error_pct", "error rate (% of calls)", false);

  private static final double NANOS_PER_MILLI = 1_000_000.0;

  /** The name in CSV output and table headers. */
  final String column;
  /** The title of the metric's table. */
  final String title;
  /** Whether a higher value is better (throughput) rather than worse (latency, errors). */
  final boolean higherIsBetter;

  /** Returns the percentile of a latency tested by {@link QuantileTest}, or NaN for the others. */
  double tailPercentile() {
    return switch (this) {
      case P99 -> 99.0;
      case P999 -> 99.9;
      default -> Double.NaN;
    };
  }

  Metric(String column, String title, boolean higherIsBetter) {
    this.column = column;
    this.title = title;
    this.higherIsBetter = higherIsBetter;
  }

  /** Returns this figure of a whole run, from its merged.csv row; NaN when it has none. */
  double ofRun(SummaryRow row) {
    return switch (this) {
      case THROUGHPUT -> row.throughputPerSecond();
      case P50 -> row.p50Nanos() / NANOS_PER_MILLI;
      case P99 -> row.p99Nanos() / NANOS_PER_MILLI;
      case P999 -> row.p999Nanos() / NANOS_PER_MILLI;
      case ERROR_RATE -> errorPercent(row.count(), row.errors());
    };
  }

  /**
   * Returns this figure of one second of a timeline; NaN when the second has none (no calls), and
   * for p99 and p99.9, whose per-second values are not tested (see {@link QuantileTest}).
   */
  double ofSecond(TimelineRow row) {
    return switch (this) {
      case THROUGHPUT -> row.count();
      case P50 -> row.p50Millis();
      case P99, P999 -> Double.NaN;
      case ERROR_RATE -> errorPercent(row.count(), row.errors());
    };
  }

  /** Returns whether going from {@code a} to {@code b} is worse. */
  boolean worse(double a, double b) {
    return higherIsBetter ? b < a : b > a;
  }

  static double errorPercent(long successes, long errors) {
    long calls = successes + errors;
    return calls == 0 ? Double.NaN : 100.0 * errors / calls;
  }
}
