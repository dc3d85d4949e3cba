package org.redditclone.client.metrics;

import static java.util.Objects.requireNonNull;

import org.HdrHistogram.AbstractHistogram;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.RunColumns.Summary;
import org.redditclone.client.runfiles.RunColumns;

/**
 * One row of a summary (client-K.csv, merged.csv): an operation or {@code ALL}, its counts, its
 * throughput and the latencies of its successful calls in nanoseconds (NaN when there were none).
 *
 * @param op the operation's wire name or {@link RunColumns#ALL}
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

  /** Returns the row as a line of {@link Summary}, latencies in ms, no newline. */
  public String csvLine() {
    return CsvFile.line(Summary.values(), column -> switch (column) {
      case OP -> op;
      case COUNT -> Long.toString(count);
      case ERRORS -> Long.toString(errors);
      case THROUGHPUT_PER_S -> Latencies.decimal(throughputPerSecond);
      case MEAN_MS -> Latencies.millis(meanNanos);
      case P50_MS -> Latencies.millis(p50Nanos);
      case P90_MS -> Latencies.millis(p90Nanos);
      case P99_MS -> Latencies.millis(p99Nanos);
      case P999_MS -> Latencies.millis(p999Nanos);
      case MAX_MS -> Latencies.millis(maxNanos);
    });
  }

  /** Returns the row of a summary file's line, latencies back in nanoseconds. */
  public static SummaryRow of(CsvFile.Row row) {
    return new SummaryRow(row.text(Summary.OP), row.whole(Summary.COUNT), row.whole(Summary.ERRORS),
        row.number(Summary.THROUGHPUT_PER_S), nanos(row, Summary.MEAN_MS), nanos(row, Summary.P50_MS),
        nanos(row, Summary.P90_MS), nanos(row, Summary.P99_MS), nanos(row, Summary.P999_MS),
        nanos(row, Summary.MAX_MS));
  }

  private static double nanos(CsvFile.Row row, Summary column) {
    return row.number(column) * 1_000_000.0;
  }
}
