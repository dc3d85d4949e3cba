package org.redditclone.client.metrics;

import org.HdrHistogram.Histogram;

/**
 * One tagged interval of an interval log.
 *
 * @param tag the operation and outcome
 * @param startMillis epoch milliseconds
 * @param endMillis epoch milliseconds
 * @param histogram the latencies of the interval, in nanoseconds
 */
public record Interval(Tag tag, long startMillis, long endMillis, Histogram histogram) {

  /** Returns the middle of the interval, epoch milliseconds. */
  public long midMillis() {
    return startMillis + (endMillis - startMillis) / 2;
  }
}
