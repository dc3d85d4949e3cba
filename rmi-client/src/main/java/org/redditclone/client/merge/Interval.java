package org.redditclone.client.merge;

import org.HdrHistogram.Histogram;
import org.redditclone.client.metrics.Tag;

/**
 * One tagged interval of an interval log.
 *
 * @param tag the operation and outcome
 * @param startMillis epoch milliseconds
 * @param endMillis epoch milliseconds
 * @param histogram the latencies of the interval, in nanoseconds
 */
record Interval(Tag tag, long startMillis, long endMillis, Histogram histogram) {

  /** Returns the middle of the interval, epoch milliseconds. */
  long midMillis() {
    return startMillis + (endMillis - startMillis) / 2;
  }
}
