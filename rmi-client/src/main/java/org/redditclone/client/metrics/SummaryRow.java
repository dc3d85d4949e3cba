package org.redditclone.client.metrics;

import static java.util.Objects.requireNonNull;

import org.HdrHistogram.AbstractHistogram;
import org.redditclone.client.runfiles.RunFiles;

/**
 * One row of a summary (client-K.csv, merged.csv): an operation or {@code ALL}, its counts, its
 * throughput and the latencies of its successful calls in nanoseconds (NaN when there were none).
 *
 * @param op the operation's wire name or {@link RunFiles#ALL}
 * @param count successful calls
 * @param errors failed calls
 * @param throughputPerSecond successful calls per second of the phase
 * @param meanNanos mean latency
 * @param p50Nanos median latency
 * @param p90Nanos 90th percentile
 * @param p99Nanos 99th percentile
 * @param p999Nanos 99.9th percentile
 * @param maxNanos highest latency
 */
public record SummaryRow(
    String op,
    long count,
    long errors,
    double throughputPerSecond,
    double meanNanos,
    double p50Nanos,
    double p90Nanos,
    double p99Nanos,
    double p999Nanos,
    double maxNanos) {

  public SummaryRow {
    requireNonNull(op, "op");
  }

  /**
   * Returns the row of {@code op} from the histogram of its successful calls (null when there were
   * none), its count of failed calls and the length of the phase in seconds.
   */
  public static SummaryRow of(
      String op, AbstractHistogram successes, long errors, double seconds) {
    long count = successes == null ? 0 : successes.getTotalCount();
    double throughput = seconds > 0 ? count / seconds : Double.NaN;
    if (count == 0) {
      double none = Double.NaN;
      return new SummaryRow(op, 0, errors, throughput, none, none, none, none, none, none);
    }
    return new SummaryRow(
        op,
        count,
        errors,
        throughput,
        successes.getMean(),
        successes.getValueAtPercentile(50.0),
        successes.getValueAtPercentile(90.0),
        successes.getValueAtPercentile(99.0),
        successes.getValueAtPercentile(99.9),
        successes.getMaxValue());
  }

  /** Returns the row as a line of {@link RunFiles#SUMMARY_HEADER}, latencies in ms, no newline. */
  public String csvLine() {
    return String.join(
        ",",
        op,
        Long.toString(count),
        Long.toString(errors),
        Latencies.decimal(throughputPerSecond),
        Latencies.millis(meanNanos),
        Latencies.millis(p50Nanos),
        Latencies.millis(p90Nanos),
        Latencies.millis(p99Nanos),
        Latencies.millis(p999Nanos),
        Latencies.millis(maxNanos));
  }
}
