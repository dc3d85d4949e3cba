package org.redditclone.client.sim;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steady phase's load: actions planned by a Poisson process and run by a worker pool (open
 * loop), or T loops that run actions back to back (closed loop). Each action goes to a random
 * online user.
 *
 * <p>In the open loop the latency of an action is measured from its planned time, also when it
 * waits in the pool's queue behind a stalled engine: the stall shows as latency, not as missing
 * samples (no coordinated omission).
 */
final class LoadDriver {

  private static final Logger log = LoggerFactory.getLogger(LoadDriver.class);
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final long IN_FLIGHT_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final long STOP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final SimUser[] users;
  private final OnlineUsers online;
  private final Behaviour behaviour;
  private final EngineCalls calls;
  private final Tally tally;
  private final ActionMix mix;
  private final Randoms randoms;

  LoadDriver(SimUser[] users, OnlineUsers online, Behaviour behaviour, EngineCalls calls,
      Tally tally, ActionMix mix, Randoms randoms) {
    this.users = users;
    this.online = online;
    this.behaviour = behaviour;
    this.calls = calls;
    this.tally = tally;
    this.mix = mix;
    this.randoms = randoms;
  }

  /** One planned action: what and when. */
  private final class Planned implements Runnable {
    final Action action;
    final long planned;

    Planned(Action action, long planned) {
      this.action = action;
      this.planned = planned;
    }

    @Override
    public void run() {
      calls.recordStart(planned);
      if (!step(action, planned, randoms.current())) {
        tally.skippedNoUserOnline.increment();
      }
    }
  }

  /**
   * Plans actions at {@code rate} per second from {@code startNanos} until {@code endNanos} (or
   * {@code stop}), runs them on {@code workers} threads, then waits for the late ones.
   */
  void runOpen(double rate, int workers, long seed, long startNanos, long endNanos,
      BooleanSupplier stop) throws InterruptedException {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), Threads.named("sim-worker"));
    // A bound on late actions keeps a dead engine from filling the heap; 10 s of planned load.
    long backlogLimit = Math.max(10_000, (long) Math.min(rate * 10, 500_000));
    ArrivalTimes arrivals = new ArrivalTimes(rate, seed);
    SplittableRandom picks = new SplittableRandom(SimNames.mix(seed + 1));
    try {
      while (!stop.getAsBoolean()) {
        long planned = startNanos + arrivals.next();
        if (planned >= endNanos) {
          break;
        }
        // Wait for the planned time in slices, so that a stop (the warm-up's end, a window that
        // starts) is seen within a slice even when the next action is far off at a low rate.
        for (long wait = planned - System.nanoTime(); wait > 0; wait = planned - System.nanoTime()) {
          LockSupport.parkNanos(Math.min(wait, STOP_CHECK_NANOS));
          if (Thread.interrupted()) {
            throw new InterruptedException("open loop interrupted");
          }
          if (stop.getAsBoolean()) {
            return;
          }
        }
        Action action = mix.pick(picks.nextDouble());
        if (pool.getQueue().size() >= backlogLimit) {
          tally.droppedBacklog.increment();
          calls.recordNotRun(action.op(), "ClientBacklogFull", planned);
          continue;
        }
        pool.execute(new Planned(action, planned));
      }
    } finally {
      pool.shutdown();
      if (!pool.awaitTermination(DRAIN_NANOS, TimeUnit.NANOSECONDS)) {
        List<Runnable> left = pool.shutdownNow();
        log.warn("{} planned actions were still waiting {} s after the end; recorded as errors",
            left.size(), TimeUnit.NANOSECONDS.toSeconds(DRAIN_NANOS));
        for (Runnable r : left) {
          Planned p = (Planned) r;
          calls.recordNotRun(p.action.op(), "NotRunAtEnd", p.planned);
        }
        awaitInFlight(pool);
      }
    }
  }

  /**
   * Waits for the calls still in flight after a shutdown: the engine may apply them, so their
   * acknowledgements must be tallied before the client reports its counts.
   */
  private static void awaitInFlight(ExecutorService pool) throws InterruptedException {
    if (!pool.awaitTermination(IN_FLIGHT_NANOS, TimeUnit.NANOSECONDS)) {
      log.warn("calls still in flight {} s after the drain; the consistency check may count them "
          + "on the engine's side only", TimeUnit.NANOSECONDS.toSeconds(IN_FLIGHT_NANOS));
    }
  }

  /** Runs {@code concurrency} loops of back-to-back actions until {@code endNanos} or {@code stop}. */
  void runClosed(int concurrency, long endNanos, BooleanSupplier stop) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, Threads.named("sim-loop"));
    for (int i = 0; i < concurrency; i++) {
      pool.execute(() -> {
        SplittableRandom r = randoms.current();
        while (!stop.getAsBoolean() && System.nanoTime() < endNanos) {
          Action action = mix.pick(r.nextDouble());
          if (!step(action, System.nanoTime(), r)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // nobody online
          }
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(endNanos - System.nanoTime() + DRAIN_NANOS, TimeUnit.NANOSECONDS)) {
      pool.shutdownNow();
      log.warn("closed loops still busy {} s after the end", TimeUnit.NANOSECONDS.toSeconds(DRAIN_NANOS));
      awaitInFlight(pool);
    }
  }

  /** Runs the action for a random online user; returns false if nobody online could take it. */
  private boolean step(Action action, long planned, SplittableRandom r) {
    for (int attempt = 0; attempt < 4; attempt++) {
      int index = online.random(r);
      if (index < 0) {
        break;
      }
      SimUser u = users[index];
      synchronized (u) {
        // It may have gone offline between the pick and the lock; then pick again.
        if (u.online && u.token != null) {
          behaviour.act(u, action, planned, r);
          return true;
        }
      }
    }
    return false;
  }
}
