package org.redditclone.client.sim;

import java.util.SplittableRandom;

/**
 * The planned times of a Poisson process: exponential gaps of mean 1/rate, seeded. Not
 * thread-safe; the one dispatcher thread owns it.
 */
final class ArrivalTimes {

  private final SplittableRandom random;
  private final double meanGapNanos;
  private double next;

  /** Returns the process of {@code ratePerSecond} arrivals per second from time 0. */
  ArrivalTimes(double ratePerSecond, long seed) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate " + ratePerSecond + " must be more than 0");
    }
    this.random = new SplittableRandom(seed);
    this.meanGapNanos = 1e9 / ratePerSecond;
  }

  /** Returns the planned time of the next arrival, in nanoseconds since the start. */
  long next() {
    next += exponential(random, meanGapNanos);
    return (long) next;
  }

  /** Returns an exponentially distributed number with the given mean. */
  static double exponential(SplittableRandom random, double mean) {
    return -mean * Math.log(1.0 - random.nextDouble());
  }
}
