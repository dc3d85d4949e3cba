package org.redditclone.client.sim;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.RedditException;
import org.redditclone.client.metrics.Op;

/**
 * Connection churn: each user alternates online and offline periods, exponentially distributed
 * with the given means. Going offline, a user tells the engine and stops acting; coming back, it
 * tells the engine and catches up on its inbox and feed.
 *
 * <p>One timer thread plans the transitions; a small pool of its own makes the calls, so that
 * churn runs at its own pace in both the open and the closed loop. A transition's latency is
 * measured from its planned time.
 */
final class Presence {

  private final SimUser[] users;
  private final OnlineUsers online;
  private final Behaviour behaviour;
  private final EngineCalls calls;
  private final double onlineMeanNanos;
  private final double offlineMeanNanos;
  private final Randoms randoms;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Threads.named("sim-presence-timer"));
  private final ExecutorService pool;
  private volatile boolean stopped;

  Presence(SimUser[] users, OnlineUsers online, Behaviour behaviour, EngineCalls calls,
      long onlineMeanNanos, long offlineMeanNanos, Randoms randoms, int threads) {
    this.users = users;
    this.online = online;
    this.behaviour = behaviour;
    this.calls = calls;
    this.onlineMeanNanos = onlineMeanNanos;
    this.offlineMeanNanos = offlineMeanNanos;
    this.randoms = randoms;
    this.pool = Executors.newFixedThreadPool(threads, Threads.named("sim-presence"));
  }

  /** Returns whether users ever go offline: not with an offline mean of 0. */
  boolean churns() {
    return offlineMeanNanos > 0;
  }

  /** Plans every set-up user's first transition. */
  void start() {
    if (!churns()) {
      return;
    }
    SplittableRandom r = randoms.split();
    for (SimUser u : users) {
      boolean isOnline;
      boolean registered;
      synchronized (u) {
        isOnline = u.online;
        registered = u.registered;
      }
      if (registered) {
        plan(u, isOnline, r);
      }
    }
  }

  /** Stops planning transitions and waits briefly for those under way. */
  void stop() throws InterruptedException {
    stopped = true;
    timer.shutdownNow();
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
      pool.shutdownNow();
    }
  }

  private void plan(SimUser u, boolean isOnline, SplittableRandom r) {
    if (stopped) {
      return;
    }
    long delay = (long) ArrivalTimes.exponential(r, isOnline ? onlineMeanNanos : offlineMeanNanos);
    long planned = System.nanoTime() + delay;
    try {
      timer.schedule(() -> pool.execute(() -> flip(u, planned)), delay, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // stopping
    }
  }

  private void flip(SimUser u, long planned) {
    if (stopped) {
      return;
    }
    SplittableRandom r = randoms.current();
    boolean nowOnline;
    synchronized (u) {
      try {
        if (u.online) {
          u.online = false;
          online.remove(u.index);
          calls.call(Op.GO_OFFLINE, planned, s -> {
            s.users().goOffline(u.token);
            return Boolean.TRUE;
          });
        } else {
          u.online = true;
          calls.call(Op.GO_ONLINE, planned, s -> {
            s.users().goOnline(u.token);
            return Boolean.TRUE;
          });
          online.add(u.index);
          behaviour.catchUp(u, System.nanoTime(), r);
        }
      } catch (NotAuthorizedException e) {
        behaviour.login(u, System.nanoTime());
        if (u.online) {
          online.add(u.index);
        }
      } catch (RedditException e) {
        if (u.online) {
          online.add(u.index);
        }
      }
      nowOnline = u.online;
    }
    plan(u, nowOnline, r);
  }
}
