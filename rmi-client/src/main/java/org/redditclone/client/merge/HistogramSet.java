package org.redditclone.client.merge;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.redditclone.client.metrics.Interval;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.metrics.SummaryTable;
import org.redditclone.client.metrics.Tag;

/** The sums of the latency histograms of many clients, per operation and outcome. */
final class HistogramSet {

  private final Map<Op, Histogram> successes = new EnumMap<>(Op.class);
  private final Map<Op, Histogram> failures = new EnumMap<>(Op.class);

  /** Adds the histogram of {@code interval} to the sum of its tag. */
  void add(Interval interval) {
    add(interval.tag(), interval.histogram());
  }

  /** Adds {@code histogram} to the sum of {@code tag}. */
  void add(Tag tag, AbstractHistogram histogram) {
    (tag.error() ? failures : successes)
        .computeIfAbsent(tag.op(), op -> Latencies.newHistogram())
        .add(histogram);
  }

  /** Returns the sum of the successful calls of {@code op}, or null if there were none. */
  Histogram successes(Op op) {
    return successes.get(op);
  }

  /** Returns the number of failed calls of {@code op}. */
  long errors(Op op) {
    Histogram failed = failures.get(op);
    return failed == null ? 0 : failed.getTotalCount();
  }

  /** Returns the summary rows of a phase of {@code seconds}, then the row {@code ALL}. */
  List<SummaryRow> rows(double seconds) {
    return SummaryTable.rows(
        Collections.unmodifiableMap(successes), Collections.unmodifiableMap(failures), seconds);
  }
}
