package org.redditclone.client.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.redditclone.api.ClientPhase;
import org.redditclone.client.metrics.ClientMetrics;

/**
 * A client's load after its setup: the warm-up, if any, and the measured steady phase. On its own
 * the client measures from a gate ({@link SteadyGate}) for {@code --duration}; in a coordinated
 * run it warms up until its part of the run's window and measures to the window's end, in one
 * continuous load whose metrics switch phase at the window's first second exactly, so that every
 * client's seconds line up.
 */
record SteadyPhase(SimOptions options, LoadDriver driver, Presence presence, ClientMetrics metrics,
    PrintStream out, BooleanSupplier stop) {

  /**
   * What the steady phase was.
   *
   * @param startedMillis when it started (a label of the run's window when coordinated), 0 if it
   *     never did
   * @param nanos how long it ran
   * @param cpuNanos the JVM's CPU time in it, -1 if unknown or it never ran
   */
  record Result(long startedMillis, long nanos, long cpuNanos) {}

  /** Runs the warm-up the gate asks for, then {@code --duration} measured; returns what ran. */
  Result runOwn(SteadyGate gate, long seed, Runnable onStart) throws IOException, InterruptedException {
    int k = options.clientId;
    if (gate.warmsUp()) {
      // The same load as the steady phase, recorded with the setup, until the agreed start.
      out.printf("client=%d warming up until %s%n", k, options.steadyStartFile != null
          ? "the time in " + options.steadyStartFile : options.warmup.toMillis() + " ms from now");
      presence.start();
      long warmStart = System.nanoTime();
      drive(warmStart, warmStart + TimeUnit.DAYS.toNanos(1), seed + 4, gate.orElse(stop));
    }
    metrics.beginSteadyPhase();
    long startedMillis = System.currentTimeMillis();
    long start = System.nanoTime();
    long cpuAtStart = ProcessCpu.nanos();
    onStart.run();
    if (!gate.warmsUp()) {
      presence.start();
    }
    drive(start, start + options.duration.toNanos(), seed, stop);
    metrics.endSteadyPhase();
    return new Result(startedMillis, System.nanoTime() - start, cpuAtStart < 0 ? -1 : ProcessCpu.nanos() - cpuAtStart);
  }

  /**
   * Runs the load from now until the run's window ends (or a stop), switching the metrics to the
   * steady phase when the client's part of the window begins; returns what was measured.
   */
  Result runInWindow(CoordinatorLink link, long seed) throws IOException, InterruptedException {
    int k = options.clientId;
    out.printf("client=%d warming up until the run's window%n", k);
    long[] switched = new long[3]; // started label, nanoTime and CPU at the switch; written before the join
    Thread switcher = new Thread(() -> {
      while (!stop.getAsBoolean() && !link.windowBegun()) {
        long start = link.startNanos();
        long wait = start == org.redditclone.api.RunClock.UNKNOWN ? TimeUnit.MILLISECONDS.toNanos(20)
            : Math.min(start - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(20));
        LockSupport.parkNanos(Math.max(wait, 1));
      }
      if (stop.getAsBoolean()) {
        return;
      }
      metrics.beginSteadyPhase(link.startLabel(), link.endLabel());
      switched[0] = link.startLabel();
      switched[1] = link.startNanos();
      switched[2] = ProcessCpu.nanos();
      link.phase(ClientPhase.MEASURING);
      out.printf("client=%d measuring the run's window from %s%n", k, Instant.ofEpochMilli(link.startLabel()));
    }, "sim-window-" + k);
    switcher.setDaemon(true);
    switcher.start();
    presence.start();
    long warmStart = System.nanoTime();
    drive(warmStart, warmStart + TimeUnit.DAYS.toNanos(1), seed, () -> stop.getAsBoolean() || ended(link));
    switcher.join();
    if (switched[0] == 0) {
      return new Result(0, 0, -1); // stopped before its part of the window began
    }
    long measured = System.nanoTime() - switched[1];
    metrics.endSteadyPhase(Math.min(link.endLabel(), switched[0] + TimeUnit.NANOSECONDS.toMillis(measured)));
    return new Result(switched[0], measured, switched[2] < 0 ? -1 : ProcessCpu.nanos() - switched[2]);
  }

  private static boolean ended(CoordinatorLink link) {
    long end = link.endNanos();
    return end != org.redditclone.api.RunClock.UNKNOWN && System.nanoTime() - end >= 0;
  }

  /** Runs the load of the options from {@code startNanos} until {@code endNanos} or {@code until}. */
  private void drive(long startNanos, long endNanos, long seed, BooleanSupplier until) throws InterruptedException {
    if (options.closed) {
      driver.runClosed(options.concurrency, endNanos, until);
    } else {
      driver.runOpen(options.rate, options.workers, seed, startNanos, endNanos, until);
    }
  }
}
