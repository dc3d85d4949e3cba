package org.redditclone.client.coordinator;

import static java.util.Objects.requireNonNull;

import org.redditclone.api.EngineStats;
import org.redditclone.client.merge.LiveEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the engine's counters once a second, on the window's whole seconds once it is known, and
 * hands the coordinator the change since the last reading: GC pauses and their count, and the
 * process's CPU as a share of the engine's own uptime. Runs on a thread of its own, so that a
 * slow engine never holds the coordinator's lock.
 */
final class EngineWatch implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(EngineWatch.class);

  private final LiveEngine engine;
  private final Coordinator run;
  private volatile boolean stopped;
  private EngineStats previous;
  private boolean failureLogged;

  EngineWatch(LiveEngine engine, Coordinator run) {
    this.engine = requireNonNull(engine, "engine");
    this.run = requireNonNull(run, "run");
  }

  /** Ends the loop after its current reading. */
  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    while (!stopped) {
      long at = run.nextEngineReadAt(run.clock.getAsLong());
      long wait = at - run.clock.getAsLong();
      try {
        if (wait > 0) {
          Thread.sleep(wait);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      read(at);
    }
  }

  /** Reads the engine and hands the change since the last reading to the run, labelled {@code at}. */
  void read(long at) {
    EngineStats now;
    try {
      now = engine.stats();
    } catch (Exception e) {
      if (!failureLogged) {
        failureLogged = true;
        log.warn("the engine did not answer its stats: {}; its GC and CPU are missing until it does", e.toString());
      }
      previous = null;
      return;
    }
    failureLogged = false;
    EngineStats before = previous;
    previous = now;
    if (before == null) {
      return;
    }
    long uptime = now.uptimeMillis() - before.uptimeMillis();
    double cpu = now.processCpuNanos() < 0 || before.processCpuNanos() < 0 || uptime <= 0 ? Double.NaN
        : 100.0 * (now.processCpuNanos() - before.processCpuNanos()) / (uptime * 1e6);
    run.engineRead(at, now.gcCount() - before.gcCount(), now.gcPauseMillis() - before.gcPauseMillis(), cpu);
  }
}
