package org.redditclone.client.metrics;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The one configuration of every latency histogram: nanoseconds from 1 ns to 1 hour with three
 * significant digits, shown in milliseconds with three decimals.
 */
public final class Latencies {

  /** The smallest value a histogram holds; smaller latencies are recorded as this. */
  public static final long LOWEST_NANOS = 1;

  /** The largest value a histogram holds; larger latencies are recorded as this. */
  public static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);

  /** The relative precision of every histogram: 3 digits, a relative error of at most 0.1%. */
  public static final int SIGNIFICANT_DIGITS = 3;

  /** What a CSV shows for a latency of an empty histogram: parseable by Java and JavaScript. */
  public static final String NO_VALUE = "NaN";

  private static final double NANOS_PER_MILLI = 1_000_000.0;

  private Latencies() {}

  /** Returns {@code nanos} clamped to {@link #LOWEST_NANOS}..{@link #HIGHEST_NANOS}. */
  public static long clamp(long nanos) {
    return Math.max(LOWEST_NANOS, Math.min(HIGHEST_NANOS, nanos));
  }

  /** Returns an empty histogram that grows to hold whatever is added to it (for merging). */
  public static Histogram newHistogram() {
    Histogram histogram = new Histogram(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    histogram.setAutoResize(true);
    return histogram;
  }

  /** Returns {@code nanos} in milliseconds with 3 decimals, or {@link #NO_VALUE} for NaN. */
  public static String millis(double nanos) {
    return Double.isNaN(nanos) ? NO_VALUE : decimal(nanos / NANOS_PER_MILLI);
  }

  /** Returns {@code value} with 3 decimals in the root locale, or {@link #NO_VALUE} for NaN. */
  public static String decimal(double value) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? NO_VALUE
        : String.format(Locale.ROOT, "%.3f", value);
  }
}
