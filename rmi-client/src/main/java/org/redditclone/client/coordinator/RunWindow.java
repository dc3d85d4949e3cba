package org.redditclone.client.coordinator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.redditclone.api.RunClock;

/**
 * The run's clock: when the common measured window starts and ends, and the second each client
 * measures from. Times are epoch milliseconds of the coordinator's clock; what clients are told
 * is relative to the moment of the answer ({@link RunClock}). Not thread-safe: the coordinator's
 * lock guards it.
 *
 * <p>The window starts once the expected clients are set up (fewer, by those that failed before
 * it: lost, or never started), after the warm-up, on a whole second, and at least {@link
 * #LEAD_MILLIS} after that moment so that every client, reporting each second, hears of it in
 * time. A client set up after the start measures from the next whole second at least {@link
 * #JOIN_LEAD_MILLIS} away, until the common end.
 */
final class RunWindow {

  /** The least notice of the window's start: two of the clients' report periods. */
  static final long LEAD_MILLIS = 2_000;
  /** The least notice of a late client's first second: its report is answered at once. */
  static final long JOIN_LEAD_MILLIS = 250;

  private final int expected;
  private final long warmupMillis;
  private final long durationMillis;
  private final Set<Integer> setUp = new HashSet<>();
  private final Set<Integer> failed = new HashSet<>();
  private final Map<Integer, Long> firstSecond = new HashMap<>();
  private long start = RunClock.UNKNOWN;
  private long end = RunClock.UNKNOWN;
  private boolean stopped;

  /**
   * Creates the clock of a run that expects {@code expected} clients, warms up for {@code
   * warmupMillis} once they are set up and measures for {@code durationMillis}.
   */
  RunWindow(int expected, long warmupMillis, long durationMillis) {
    if (expected < 1 || warmupMillis < 0 || durationMillis < 1) {
      throw new IllegalArgumentException("expected " + expected + " must be 1 or more, warmupMillis " + warmupMillis
          + " 0 or more and durationMillis " + durationMillis + " 1 or more");
    }
    this.expected = expected;
    this.warmupMillis = warmupMillis;
    this.durationMillis = durationMillis;
  }

  /** Notes that {@code client} finished its setup at {@code now}; may start the window. */
  void setUp(int client, long now) {
    failed.remove(client);
    setUp.add(client);
    decide(now);
  }

  /**
   * Notes that {@code client} will not measure: lost, or never started. Before the window starts
   * the run stops waiting for it; after, nothing changes.
   */
  void failed(int client, long now) {
    if (start != RunClock.UNKNOWN) {
      return;
    }
    setUp.remove(client);
    failed.add(client);
    decide(now);
  }

  private void decide(long now) {
    if (start == RunClock.UNKNOWN && !stopped && !setUp.isEmpty() && setUp.size() >= expected - failed.size()) {
      start = ceilSecond(now + Math.max(warmupMillis, LEAD_MILLIS));
      end = start + durationMillis;
    }
  }

  /** Returns whether every expected client failed before the window could start: nothing will be measured. */
  boolean hopeless() {
    return start == RunClock.UNKNOWN && setUp.isEmpty() && failed.size() >= expected;
  }

  /** Ends the window at {@code now} (abort, or the coordinator stops); every client is told to stop. */
  void stop(long now) {
    stopped = true;
    if (start != RunClock.UNKNOWN) {
      end = Math.max(start, Math.min(end, now));
    }
  }

  /** Returns whether the run was stopped early. */
  boolean stopped() {
    return stopped;
  }

  /** Returns the window's start, or {@link RunClock#UNKNOWN}. */
  long start() {
    return start;
  }

  /** Returns the window's end (planned, or where a stop cut it), or {@link RunClock#UNKNOWN}. */
  long end() {
    return end;
  }

  /** Returns whether the window has ended at {@code now}, or can no longer start. */
  boolean over(long now) {
    return stopped || end != RunClock.UNKNOWN && now >= end;
  }

  /** Returns the seconds of the window, the last one partial if the duration is not whole. */
  long seconds() {
    return end == RunClock.UNKNOWN ? 0 : (end - start + 999) / 1000;
  }

  /**
   * Returns where the clock stands at {@code now} for {@code client}, which has finished its setup:
   * the window's times (unknown while it waits), the client's first second (fixed when first
   * told), and whether it should stop: the run was stopped, or the window ends before the
   * client's part of it begins.
   */
  RunClock clockFor(int client, long now) {
    if (start == RunClock.UNKNOWN) {
      return new RunClock(RunClock.UNKNOWN, 0, RunClock.UNKNOWN, RunClock.UNKNOWN, stopped);
    }
    long first = firstSecond.computeIfAbsent(client,
        c -> now + JOIN_LEAD_MILLIS <= start ? 0 : ceilDiv(now + JOIN_LEAD_MILLIS - start, 1000));
    long from = start + first * 1000;
    return new RunClock(from - now, first, end - now, start, stopped || from >= end);
  }

  /** Returns the first second told to {@code client}, or -1 if it was told none. */
  long firstSecond(int client) {
    return firstSecond.getOrDefault(client, -1L);
  }

  private static long ceilSecond(long millis) {
    return ceilDiv(millis, 1000) * 1000;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
