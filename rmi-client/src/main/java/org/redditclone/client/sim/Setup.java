package org.redditclone.client.sim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.redditclone.api.AlreadyExistsException;
import org.redditclone.api.RedditException;
import org.redditclone.api.Subreddit;
import org.redditclone.client.connect.RetryPolicy;
import org.redditclone.client.metrics.Op;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The setup phase: every user registers, logs in, joins its subreddits (creating those nobody
 * created yet) and, if it starts online, goes online; a bounded number of users at a time.
 */
final class Setup {

  private static final Logger log = LoggerFactory.getLogger(Setup.class);
  private static final int LOGIN_ATTEMPTS = 3;
  /** Registration through transport failures: 8 attempts, pauses of 0.2 s doubling to 3.2 s. */
  private static final RetryPolicy REGISTER_RETRIES =
      RetryPolicy.pauses(Duration.ofMillis(200), Duration.ofMillis(3_200)).atMost(8);

  private final EngineCalls calls;
  private final Behaviour behaviour;
  private final Tally tally;
  private final World world;
  private final OnlineUsers online;
  private final long seed;
  private final AtomicInteger done = new AtomicInteger();

  Setup(EngineCalls calls, Behaviour behaviour, Tally tally, World world, OnlineUsers online,
      long seed) {
    this.calls = calls;
    this.behaviour = behaviour;
    this.tally = tally;
    this.world = world;
    this.online = online;
    this.seed = seed;
  }

  /** Returns the number of users whose setup has finished, for progress lines. */
  int done() {
    return done.get();
  }

  /**
   * Sets every user up, {@code parallelism} at a time, and returns when all are done.
   *
   * @param memberships the ranks each user joins, by user index
   * @param startOnline whether each user starts online, by user index
   */
  void run(SimUser[] users, int[][] memberships, boolean[] startOnline, int parallelism)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, Threads.named("sim-setup"));
    try {
      for (SimUser u : users) {
        pool.execute(() -> {
          try {
            setUp(u, memberships[u.index], startOnline[u.index]);
          } catch (RuntimeException e) {
            log.warn("setup of user {} failed", u.name, e);
          } finally {
            done.incrementAndGet();
          }
        });
      }
    } finally {
      pool.shutdown();
    }
    while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
      // progress is printed by the caller's reporter
    }
  }

  private void setUp(SimUser u, int[] ranks, boolean goOnline) {
    synchronized (u) {
      String password = SimNames.password(u.name, seed);
      boolean reused = false;
      try {
        // A null result is a transport failure (an engine swamped by many clients refuses
        // connections for a moment): the user was not registered, so try again.
        RetryPolicy.Retry retry = REGISTER_RETRIES.start();
        Boolean registered;
        do {
          registered = calls.call(Op.REGISTER, System.nanoTime(), AlreadyExistsException.class, s -> {
            s.users().register(u.name, password);
            return Boolean.TRUE;
          });
        } while (registered == null && retry.pause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (AlreadyExistsException e) {
        reused = true; // the same run tag on the same engine: log in as that user
        tally.reusedUsers.increment();
      } catch (RedditException e) {
        log.warn("user {} could not register: {}", u.name, e.getMessage());
      }
      // Even after a lost reply the engine may have registered the user: login tells.
      for (int i = 0; i < LOGIN_ATTEMPTS && u.token == null; i++) {
        behaviour.login(u, System.nanoTime());
      }
      if (u.token == null) {
        tally.failedUsers.increment();
        return;
      }
      u.registered = true;
      try {
        if (reused) {
          syncJoined(u);
        }
        for (int rank : ranks) {
          if (!u.hasJoined(rank)) {
            behaviour.joinOrCreate(u, rank, System.nanoTime());
          }
        }
        if (goOnline) {
          calls.call(Op.GO_ONLINE, System.nanoTime(), s -> {
            s.users().goOnline(u.token);
            return Boolean.TRUE;
          });
          u.online = true;
          online.add(u.index);
        }
      } catch (RedditException e) {
        log.debug("setup of user {}: {}", u.name, e.getMessage());
        if (goOnline && !u.online) {
          u.online = true; // presence is the user's intent; the engine's view catches up later
          online.add(u.index);
        }
      }
    }
  }

  /** Reads what a reused user joined in an earlier run, so that joins are counted right. */
  private void syncJoined(SimUser u) throws RedditException {
    List<Subreddit> joined = calls.call(Op.JOIN, System.nanoTime(),
        s -> s.subreddits().joined(u.token));
    if (joined != null) {
      for (Subreddit s : joined) {
        int rank = SimNames.rankOf(s.name());
        if (rank > 0) {
          behaviour.noteHeld(u, rank);
          world.markExists(rank);
        }
      }
    }
  }
}
