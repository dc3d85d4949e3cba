package org.redditclone.client.connect;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a caller retries a failed call: pauses that start at {@code firstPause} and double up to
 * {@code maxPause}, until {@code patience} would be overrun or {@code maxAttempts} were made. The
 * one retry type of the client; each caller names its own limits.
 *
 * @param firstPause the pause after the first failed attempt
 * @param maxPause the longest pause
 * @param patience how long after the first attempt the last one may start
 * @param maxAttempts how many attempts at most, the first included
 */
public record RetryPolicy(Duration firstPause, Duration maxPause, Duration patience, int maxAttempts) {

  /** Patience without end: the caller stops retrying by other means. */
  public static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE);

  /** Where a retry reads the time and sleeps; tests give a fake one. */
  public interface Clock {

    /** The system's monotonic clock and {@link Thread#sleep}. */
    Clock SYSTEM = new Clock() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void sleep(Duration pause) throws InterruptedException {
        Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
      }
    };

    /** Returns a monotonic time in nanoseconds. */
    long nanoTime();

    /** Waits for {@code pause}. */
    void sleep(Duration pause) throws InterruptedException;
  }

  public RetryPolicy {
    requireNonNull(firstPause, "firstPause");
    requireNonNull(maxPause, "maxPause");
    requireNonNull(patience, "patience");
    if (firstPause.isNegative() || maxPause.compareTo(firstPause) < 0) {
      throw new IllegalArgumentException("pauses " + firstPause + ".." + maxPause
          + " are not a range; firstPause must be 0 or more and at most maxPause");
    }
    if (patience.isNegative()) {
      throw new IllegalArgumentException("patience is " + patience + "; it cannot be negative");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts is " + maxAttempts + "; it must be 1 or more");
    }
  }

  /** Returns a policy of pauses from {@code first} doubling up to {@code max}, with no limit yet. */
  public static RetryPolicy pauses(Duration first, Duration max) {
    return new RetryPolicy(first, max, FOREVER, Integer.MAX_VALUE);
  }

  /** Returns this policy with the given patience. */
  public RetryPolicy within(Duration newPatience) {
    return new RetryPolicy(firstPause, maxPause, newPatience, maxAttempts);
  }

  /** Returns this policy with at most {@code attempts} attempts. */
  public RetryPolicy atMost(int attempts) {
    return new RetryPolicy(firstPause, maxPause, patience, attempts);
  }

  /** Returns the retries of one call, starting now on the system clock. */
  public Retry start() {
    return start(Clock.SYSTEM);
  }

  /** Returns the retries of one call, starting now on {@code clock}. */
  public Retry start(Clock clock) {
    return new Retry(requireNonNull(clock, "clock"));
  }

  /** The retries of one call; not thread-safe, one per call. */
  public final class Retry {

    private final Clock clock;
    private final long startNanos;
    private Duration nextPause = firstPause;
    private int failed;

    private Retry(Clock clock) {
      this.clock = clock;
      this.startNanos = clock.nanoTime();
    }

    /**
     * Notes a failed attempt, then waits before the next one and returns true; or returns false
     * at once if the policy allows no more attempts (too many made, or the next would start after
     * the patience is spent).
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean pause() throws InterruptedException {
      failed++;
      if (failed >= maxAttempts) {
        return false;
      }
      long elapsed = clock.nanoTime() - startNanos;
      if (nextPause.toNanos() > patience.toNanos() - elapsed) {
        return false;
      }
      Duration pause = nextPause;
      Duration doubled = pause.multipliedBy(2);
      nextPause = doubled.compareTo(maxPause) > 0 ? maxPause : doubled;
      clock.sleep(pause);
      return true;
    }

    /** Returns the failed attempts noted so far. */
    public int failedAttempts() {
      return failed;
    }

    /** Returns how long these retries have been going. */
    public Duration elapsed() {
      return Duration.ofNanos(clock.nanoTime() - startNanos);
    }
  }
}
