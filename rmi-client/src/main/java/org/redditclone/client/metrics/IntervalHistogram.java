package org.redditclone.client.metrics;

import org.HdrHistogram.Histogram;

/**
 * A latency histogram that many threads record into and one thread takes intervals of: a plain
 * HdrHistogram behind a lock, swapped for a spare at each interval. A record holds the lock for
 * one count's increment.
 *
 * <p>Not HdrHistogram's {@code Recorder}: its histograms are ConcurrentHistograms, whose reset
 * writes each count of two arrays atomically and whose every read of a count takes a lock, so
 * taking, merging and encoding one second walks ~34,000 counts with a lock each, per operation and
 * outcome. At a few calls a second that made the per-second tick most of a client JVM's CPU, and
 * 100 client JVMs on 2 cores spent over a core on it.
 */
final class IntervalHistogram {

  private Histogram active = newHistogram();

  /** Records one latency, already clamped to the histograms' range. */
  synchronized void recordValue(long nanos) {
    active.recordValue(nanos);
  }

  /** Drops what was recorded so far. */
  synchronized void reset() {
    active.reset();
  }

  /**
   * Returns what was recorded since the last call (or the start) and records into {@code spare}
   * from now on, reset here outside the lock; a new histogram if {@code spare} is null.
   */
  Histogram takeInterval(Histogram spare) {
    Histogram next = spare == null ? newHistogram() : spare;
    next.reset();
    synchronized (this) {
      Histogram taken = active;
      active = next;
      return taken;
    }
  }

  /**
   * Returns an empty histogram of the project's configuration that starts small and grows to the
   * largest value recorded (lowest value 1 ns, {@link Latencies#LOWEST_NANOS}): a reset then walks
   * ~14,000 counts for latencies up to 10 ms instead of the whole range's ~34,000.
   */
  private static Histogram newHistogram() {
    return new Histogram(Latencies.SIGNIFICANT_DIGITS);
  }
}
