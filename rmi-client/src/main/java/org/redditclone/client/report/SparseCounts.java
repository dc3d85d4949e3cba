package org.redditclone.client.report;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The non-empty buckets of a latency histogram: each bucket's highest equivalent value in
 * nanoseconds, ascending, and its count. Small where a full histogram of this project's
 * configuration is 256 KiB, so a run's per-second histograms fit in memory.
 *
 * @param values the buckets' values in nanoseconds, ascending
 * @param counts the count of each bucket, all positive
 */
public record SparseCounts(long[] values, long[] counts) {

  /** No calls. */
  public static final SparseCounts EMPTY = new SparseCounts(new long[0], new long[0]);

  public SparseCounts {
    if (values.length != counts.length) {
      throw new IllegalArgumentException("values has " + values.length + " entries but counts has "
          + counts.length + "; they must match");
    }
  }

  /** Returns the buckets of {@code histogram}. */
  public static SparseCounts of(AbstractHistogram histogram) {
    TreeMap<Long, Long> buckets = new TreeMap<>();
    for (HistogramIterationValue v : histogram.recordedValues()) {
      buckets.merge(histogram.highestEquivalentValue(v.getValueIteratedTo()),
          v.getCountAtValueIteratedTo(), Long::sum);
    }
    return of(buckets);
  }

  /** Returns the buckets of a map from value to count; counts of 0 or less are left out. */
  public static SparseCounts of(Map<Long, Long> buckets) {
    TreeMap<Long, Long> sorted = new TreeMap<>(buckets);
    sorted.values().removeIf(count -> count <= 0);
    long[] values = new long[sorted.size()];
    long[] counts = new long[sorted.size()];
    int i = 0;
    for (Map.Entry<Long, Long> bucket : sorted.entrySet()) {
      values[i] = bucket.getKey();
      counts[i++] = bucket.getValue();
    }
    return new SparseCounts(values, counts);
  }

  /** Returns the number of calls. */
  public long total() {
    return Arrays.stream(counts).sum();
  }

  /**
   * Returns the value at {@code percentile} (above 0, up to 100) by HdrHistogram's rule: the
   * smallest bucket whose cumulative count reaches {@code ceil(percentile/100 * total)}; NaN when
   * empty.
   */
  public double valueAtPercentile(double percentile) {
    return valueAtPercentileOf(values, counts, total(), percentile);
  }

  /**
   * Returns the value at {@code percentile} of buckets {@code values} (ascending) holding {@code
   * counts} (zeros allowed) of {@code total} calls, by the rule of {@link #valueAtPercentile}.
   */
  public static double valueAtPercentileOf(long[] values, long[] counts, long total, double percentile) {
    if (total <= 0) {
      return Double.NaN;
    }
    // As HdrHistogram does: a hair below the percentile, so 99.9% of 5000 asks for 4995 calls
    // and not for 4996 through the rounding of 99.9 / 100 * 5000.
    double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0), 100);
    long wanted = Math.max(1, (long) Math.ceil(requested / 100.0 * total));
    long seen = 0;
    for (int i = 0; i < values.length; i++) {
      seen += counts[i];
      if (seen >= wanted) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SparseCounts that
        && Arrays.equals(values, that.values) && Arrays.equals(counts, that.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "SparseCounts[buckets=" + values.length + ", total=" + total() + "]";
  }
}
