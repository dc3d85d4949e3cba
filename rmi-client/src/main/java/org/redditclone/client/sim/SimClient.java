package org.redditclone.client.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redditclone.client.connect.EngineConnection;
import org.redditclone.client.metrics.ClientMetrics;
import org.redditclone.client.metrics.Op;

/**
 * One simulator client from setup to report: sets its users up, drives the steady phase, churns
 * presence, prints progress, and writes its metrics and {@code client-K.properties}.
 */
final class SimClient {

  private static final long PROGRESS_SECONDS = 5;

  private final SimOptions options;
  private final EngineConnection connection;
  private final PrintStream out;
  private volatile boolean stopRequested;

  SimClient(SimOptions options, EngineConnection connection, PrintStream out) {
    this.options = options;
    this.connection = connection;
    this.out = out;
  }

  /** Asks a running client to end its steady phase now and report; it reports status=stopped. */
  void requestStop() {
    stopRequested = true;
  }

  /** Runs the whole client and returns the path of the properties it wrote. */
  Path run() throws IOException, InterruptedException {
    SimOptions o = options;
    int k = o.clientId;
    long startedMillis = System.currentTimeMillis();
    long startedNanos = System.nanoTime();
    String tag = SimNames.tag(o.out.toAbsolutePath().normalize().getFileName().toString(), o.seed, k, o.users);
    long clientSeed = SimNames.mix(o.seed ^ SimNames.mix(k));

    SimUser[] users = new SimUser[o.users];
    for (int i = 0; i < users.length; i++) {
      users[i] = new SimUser(i, SimNames.user(k, i, tag));
    }
    int[][] memberships =
        new ZipfMembership(o.subreddits, o.zipfExponent, clientSeed).draw(o.users);
    boolean[] startOnline = new boolean[o.users];
    double onlineShare = o.offlineMean.isZero() ? 1.0
        : (double) o.onlineMean.toNanos() / (o.onlineMean.toNanos() + o.offlineMean.toNanos());
    SplittableRandom initial = new SplittableRandom(clientSeed + 7);
    for (int i = 0; i < startOnline.length; i++) {
      startOnline[i] = initial.nextDouble() < onlineShare;
    }

    Randoms randoms = new Randoms(clientSeed + 11);
    Tally tally = new Tally();
    VoteLedger votes = new VoteLedger();
    World world = new World(k, o.subreddits);
    OnlineUsers online = new OnlineUsers(o.users);
    ZipfTable zipf = new ZipfTable(o.subreddits, o.zipfExponent);

    long steadyStartedMillis = 0;
    long steadyNanos = 0;
    long steadyCpuNanos = -1;
    String status = "finished";
    try (ClientMetrics metrics = ClientMetrics.create(k, o.out)) {
      EngineCalls calls = new EngineCalls(connection, metrics, k);
      Behaviour behaviour =
          new Behaviour(k, o.seed, calls, world, tally, votes, new SubredditChoices(zipf, o.users));
      ScheduledExecutorService ticker =
          Executors.newSingleThreadScheduledExecutor(Threads.named("sim-progress"));
      try {
        try {
          calls.call(Op.STATS, System.nanoTime(), s -> s.stats().stats()); // the engine answers
        } catch (org.redditclone.api.RedditException e) {
          throw new AssertionError("stats() declares no domain error", e);
        }
        Setup setup = new Setup(calls, behaviour, tally, world, online, o.seed);
        ticker.scheduleAtFixedRate(() -> out.printf(
                "client=%d phase=setup users=%d/%d elapsed=%ds errors=%d%n", k, setup.done(),
                o.users, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos),
                metrics.totalErrors()),
            PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
        ticker.scheduleAtFixedRate(() -> metrics.setUsersOnline(online.size()), 0, 1, TimeUnit.SECONDS);
        setup.run(users, memberships, startOnline, o.setupParallelism);
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        out.printf("client=%d setup done in %.1fs: users=%d failed=%d reused=%d online=%d "
                + "subreddits.created=%d memberships=%d%n",
            k, (System.nanoTime() - startedNanos) / 1e9, o.users, tally.failedUsers.sum(),
            tally.reusedUsers.sum(), online.size(), tally.subreddits.sum(), tally.memberships.sum());

        metrics.setUsersOnline(online.size());
        Presence presence = new Presence(users, online, behaviour, calls,
            o.onlineMean.toNanos(), o.offlineMean.toNanos(), randoms, Math.max(4, o.workers / 4));
        LoadDriver driver = new LoadDriver(users, online, behaviour, calls, tally, o.mix, randoms);
        SteadyGate gate = SteadyGate.of(o.steadyStartFile, o.warmup);
        if (gate.warmsUp()) {
          // The same load as the steady phase, recorded with the setup, until the agreed start.
          out.printf("client=%d warming up until %s%n", k, o.steadyStartFile != null
              ? "the time in " + o.steadyStartFile : o.warmup.toMillis() + " ms from now");
          presence.start();
          long warmStart = System.nanoTime();
          drive(driver, warmStart, warmStart + TimeUnit.DAYS.toNanos(1), clientSeed + 17,
              gate.orElse(() -> stopRequested));
        }
        metrics.beginSteadyPhase();
        steadyStartedMillis = System.currentTimeMillis();
        long steadyStart = System.nanoTime();
        long cpuAtStart = ProcessCpu.nanos();
        long steadyEnd = steadyStart + o.duration.toNanos();
        ticker = Executors.newSingleThreadScheduledExecutor(Threads.named("sim-progress"));
        Progress progress = new Progress(k, o.users, metrics, online, steadyStart, steadyEnd, out);
        ticker.scheduleAtFixedRate(() -> metrics.setUsersOnline(online.size()), 1, 1, TimeUnit.SECONDS);
        ticker.scheduleAtFixedRate(progress::print, PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);

        if (!gate.warmsUp()) {
          presence.start();
        }
        drive(driver, steadyStart, steadyEnd, clientSeed + 13, () -> stopRequested);
        presence.stop();
        steadyNanos = System.nanoTime() - steadyStart;
        steadyCpuNanos = cpuAtStart < 0 ? -1 : ProcessCpu.nanos() - cpuAtStart;
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        metrics.setUsersOnline(online.size());
        progress.print();
        if (stopRequested) {
          status = "stopped";
        }
        calls.stop();
        signOff(users);
      } finally {
        ticker.shutdownNow();
      }
    }
    long endedMillis = System.currentTimeMillis();

    Map<String, String> p = new LinkedHashMap<>();
    p.put("client.id", Integer.toString(k));
    p.put("users", Integer.toString(o.users));
    p.put("duration.s", seconds(o.duration));
    p.put("rate", number(o.rate));
    p.put("closed", Boolean.toString(o.closed));
    p.put("concurrency", Integer.toString(o.closed ? o.concurrency : o.workers));
    p.put("workers", Integer.toString(o.workers));
    p.put("mix", o.mix.toString());
    p.put("seed", Long.toString(o.seed));
    p.put("seed.given", Boolean.toString(o.seedGiven));
    p.put("subreddits", Integer.toString(o.subreddits));
    p.put("zipf.exponent", number(o.zipfExponent));
    p.put("online.mean.s", seconds(o.onlineMean));
    p.put("offline.mean.s", seconds(o.offlineMean));
    p.put("registry", connection.address().toString());
    p.put("run.tag", tag);
    p.put("user.names", SimNames.user(k, 0, tag) + ".." + SimNames.user(k, o.users - 1, tag));
    p.put("started.epoch_ms", Long.toString(startedMillis));
    p.put("steady.started.epoch_ms", Long.toString(steadyStartedMillis));
    p.put("steady.actual.s", String.format(java.util.Locale.ROOT, "%.3f", steadyNanos / 1e9));
    p.put("steady.cpu.s", String.format(java.util.Locale.ROOT, "%.3f", steadyCpuNanos / 1e9));
    p.put("ended.epoch_ms", Long.toString(endedMillis));
    p.put("status", status);
    p.put("java.version", System.getProperty("java.version"));
    p.put("acked.posts", Long.toString(tally.posts.sum()));
    p.put("acked.comments", Long.toString(tally.comments.sum()));
    p.put("acked.votes", Long.toString(votes.cast()));
    p.put("acked.messages", Long.toString(tally.messages.sum()));
    p.put("acked.memberships", Long.toString(tally.memberships.sum()));
    p.put("acked.subreddits", Long.toString(tally.subreddits.sum()));
    p.put("cross.actions", Long.toString(tally.crossActions()));
    p.put("cross.votes", Long.toString(tally.crossVotes.sum()));
    p.put("cross.comments", Long.toString(tally.crossComments.sum()));
    p.put("cross.messages", Long.toString(tally.crossMessages.sum()));
    p.put("cross.reposts", Long.toString(tally.crossReposts.sum()));
    p.put("users.reused", Long.toString(tally.reusedUsers.sum()));
    p.put("users.failed", Long.toString(tally.failedUsers.sum()));
    p.put("actions.substituted", Long.toString(tally.substituted.sum()));
    p.put("actions.skipped_no_user_online", Long.toString(tally.skippedNoUserOnline.sum()));
    p.put("actions.dropped_backlog", Long.toString(tally.droppedBacklog.sum()));
    Path written = ClientReport.write(o.out, k, p);
    out.printf("client=%d %s: steady=%.1fs users=%d posts=%d comments=%d votes=%d messages=%d "
            + "memberships=%d subreddits=%d cross.actions=%d -> %s%n",
        k, status, steadyNanos / 1e9, o.users, tally.posts.sum(), tally.comments.sum(),
        votes.cast(), tally.messages.sum(), tally.memberships.sum(), tally.subreddits.sum(),
        tally.crossActions(), written);
    return written;
  }

  /** Runs the load of the options from {@code startNanos} until {@code endNanos} or {@code stop}. */
  private void drive(LoadDriver driver, long startNanos, long endNanos, long seed,
      java.util.function.BooleanSupplier stop) throws InterruptedException {
    if (options.closed) {
      driver.runClosed(options.concurrency, endNanos, stop);
    } else {
      driver.runOpen(options.rate, options.workers, seed, startNanos, endNanos, stop);
    }
  }

  /**
   * Marks the users still online offline at the engine, so that its presence count does not keep
   * a finished client's users; not recorded in the metrics, which ended with the steady phase.
   */
  private void signOff(SimUser[] users) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(options.setupParallelism, Threads.named("sim-signoff"));
    for (SimUser u : users) {
      pool.execute(() -> {
        synchronized (u) {
          if (u.online && u.token != null) {
            u.online = false;
            try {
              connection.users().goOffline(u.token);
            } catch (Exception e) {
              // best effort at the end of a run
            }
          }
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
      pool.shutdownNow();
    }
  }

  private static String seconds(Duration d) {
    return number(d.toNanos() / 1e9);
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
