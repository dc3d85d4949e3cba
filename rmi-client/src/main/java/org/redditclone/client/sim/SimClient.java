package org.redditclone.client.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redditclone.api.ClientPhase;
import org.redditclone.api.RedditException;
import org.redditclone.api.WriteCounts;
import org.redditclone.client.connect.EngineConnection;
import org.redditclone.client.connect.RetryPolicy;
import org.redditclone.client.metrics.AckedWrites;
import org.redditclone.client.metrics.ClientMetrics;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.runfiles.RunColumns.Users;
import org.redditclone.client.runfiles.RunFiles;
import org.redditclone.client.runfiles.RunKeys.Client;

/**
 * One simulator client from setup to report: sets its users up, drives the steady phase, churns
 * presence, and writes its metrics and {@code client-K.properties}. On its own it measures from
 * its own start and prints progress; with a run coordinator ({@link CoordinatorLink}) it warms up
 * until the run's common window, measures the window's seconds, and uploads its files at the end.
 */
final class SimClient extends ClientJob {

  private static final long PROGRESS_SECONDS = 5;
  /** How long the end of the run waits to deliver the client's files and last report. */
  private static final Duration DELIVERY_PATIENCE = Duration.ofSeconds(60);

  private final CoordinatorLink link;

  /** Creates a client measuring on its own ({@code link} null) or in a coordinated run. */
  SimClient(SimOptions options, EngineConnection connection, PrintStream out, CoordinatorLink link) {
    super(options, connection, out);
    this.link = link;
  }

  @Override
  Path run() throws IOException, InterruptedException {
    SimOptions o = options;
    int k = o.clientId;
    long startedMillis = System.currentTimeMillis();
    long startedNanos = System.nanoTime();
    String runName = link != null ? link.terms().runId() : o.out.toAbsolutePath().normalize().getFileName().toString();
    String tag = SimNames.tag(runName, o.seed, k, o.users);
    long clientSeed = SimNames.mix(o.seed ^ SimNames.mix(k));
    ClientProperties properties = new ClientProperties(o, connection, startedMillis)
        .put(Client.USERS, o.users)
        .put(Client.DURATION_S, o.duration)
        .put(Client.RATE, o.rate)
        .put(Client.CLOSED, o.closed)
        .put(Client.CONCURRENCY, o.closed ? o.concurrency : o.workers)
        .put(Client.WORKERS, o.workers)
        .put(Client.MIX, o.mix)
        .put(Client.SEED, o.seed)
        .put(Client.SEED_GIVEN, o.seedGiven)
        .put(Client.SUBREDDITS, o.subreddits)
        .put(Client.ZIPF_EXPONENT, o.zipfExponent)
        .put(Client.ONLINE_MEAN_S, o.onlineMean)
        .put(Client.OFFLINE_MEAN_S, o.offlineMean)
        .put(Client.RUN_TAG, tag)
        .put(Client.USER_NAMES, SimNames.user(k, 0, tag) + ".." + SimNames.user(k, o.users - 1, tag))
        .put(Client.USER_PREFIX, SimNames.userPrefix(k, tag));

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

    SteadyPhase.Result steady = new SteadyPhase.Result(0, 0, -1);
    String status = Client.FINISHED;
    try (ClientMetrics metrics = ClientMetrics.create(k, o.out)) {
      EngineCalls calls = new EngineCalls(connection, metrics, k);
      Behaviour behaviour =
          new Behaviour(k, o.seed, calls, world, tally, votes, new SubredditChoices(zipf, o.users));
      ScheduledExecutorService ticker =
          Executors.newSingleThreadScheduledExecutor(Threads.named("sim-progress"));
      try {
        WriteCounts before = before(calls, SimNames.userPrefix(k, tag));
        for (Users item : Users.items()) {
          properties.put(Client.before(item.header()), AckedWrites.count(before, item));
        }
        Setup setup = new Setup(calls, behaviour, tally, world, online, o.seed);
        if (link != null) {
          metrics.setIntervalListener(link);
          link.watch(setup::done, metrics::errors, this::requestStop);
        }
        ticker.scheduleAtFixedRate(() -> out.printf(
                "client=%d phase=setup users=%d/%d elapsed=%ds errors=%d%n", k, setup.done(),
                o.users, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos),
                metrics.totalErrors()),
            PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
        ticker.scheduleAtFixedRate(() -> metrics.setUsersOnline(online.size()), 0, 1, TimeUnit.SECONDS);
        setup.run(users, memberships, startOnline, o.setupParallelism);
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        WriteCounts setUp = AckedWrites.sum("setup", acked(users));
        out.printf("client=%d setup done in %.1fs: users=%d failed=%d reused=%d online=%d "
                + "subreddits.created=%d memberships=%d%n",
            k, (System.nanoTime() - startedNanos) / 1e9, o.users, tally.failedUsers.sum(),
            tally.reusedUsers.sum(), online.size(), setUp.subreddits(), setUp.memberships());
        properties.put(Client.SETUP_ENDED_EPOCH_MS, System.currentTimeMillis()).write(Client.RUNNING);
        if (link != null) {
          // The coordinator keeps it, so that a client lost later leaves its configuration.
          link.upload(o.out, List.of(RunFiles.clientProperties(k)), DELIVERY_PATIENCE);
          link.phase(ClientPhase.WARMING_UP);
        }

        metrics.setUsersOnline(online.size());
        Presence presence = new Presence(users, online, behaviour, calls,
            o.onlineMean.toNanos(), o.offlineMean.toNanos(), randoms, Math.max(4, o.workers / 4));
        LoadDriver driver = new LoadDriver(users, online, behaviour, calls, tally, o.mix, randoms);
        ticker = Executors.newSingleThreadScheduledExecutor(Threads.named("sim-progress"));
        ticker.scheduleAtFixedRate(() -> metrics.setUsersOnline(online.size()), 0, 1, TimeUnit.SECONDS);
        SteadyPhase phase = new SteadyPhase(o, driver, presence, metrics, out, this::stopRequested);
        Progress[] progress = new Progress[1];
        if (link != null) { // the coordinator's line shows the progress
          steady = phase.runInWindow(link, clientSeed + 13);
        } else {
          ScheduledExecutorService progressTicker = ticker;
          steady = phase.runOwn(SteadyGate.of(o.steadyStartFile, o.warmup), clientSeed + 13, () -> {
            long now = System.nanoTime();
            progress[0] = new Progress(k, o.users, metrics, online, now, now + o.duration.toNanos(), out);
            progressTicker.scheduleAtFixedRate(progress[0]::print, PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
          });
        }
        presence.stop();
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        metrics.setUsersOnline(online.size());
        if (progress[0] != null) {
          progress[0].print();
        }
        if (stopRequested()) {
          status = Client.STOPPED;
        }
        calls.stop();
        signOff(users);
      } finally {
        ticker.shutdownNow();
      }
    }
    long endedMillis = System.currentTimeMillis();
    List<WriteCounts> perUser = acked(users);
    WriteCounts acked = AckedWrites.sum("client " + k, perUser);
    RunFiles.writeAtomically(o.out.resolve(RunFiles.clientUsersCsv(k)), AckedWrites.csv(perUser));
    for (Users item : Users.items()) {
      properties.put(Client.acked(item.header()), AckedWrites.count(acked, item));
    }

    properties.put(Client.STEADY_STARTED_EPOCH_MS, steady.startedMillis())
        .putSeconds(Client.STEADY_ACTUAL_S, steady.nanos())
        .putSeconds(Client.STEADY_CPU_S, steady.cpuNanos())
        .put(Client.ENDED_EPOCH_MS, endedMillis)
        .put(Client.CROSS_ACTIONS, tally.crossActions())
        .put(Client.CROSS_VOTES, tally.crossVotes.sum())
        .put(Client.CROSS_COMMENTS, tally.crossComments.sum())
        .put(Client.CROSS_MESSAGES, tally.crossMessages.sum())
        .put(Client.CROSS_REPOSTS, tally.crossReposts.sum())
        .put(Client.USERS_REUSED, tally.reusedUsers.sum())
        .put(Client.USERS_FAILED, tally.failedUsers.sum())
        .put(Client.ACTIONS_SUBSTITUTED, tally.substituted.sum())
        .put(Client.ACTIONS_SKIPPED_NO_USER_ONLINE, tally.skippedNoUserOnline.sum())
        .put(Client.ACTIONS_DROPPED_BACKLOG, tally.droppedBacklog.sum());
    Path written = properties.write(status);
    if (link != null) {
      deliver(k, status);
    }
    out.printf("client=%d %s: steady=%.1fs users=%d posts=%d comments=%d votes=%d messages=%d "
            + "memberships=%d subreddits=%d cross.actions=%d -> %s%n",
        k, status, steady.nanos() / 1e9, o.users, acked.posts(), acked.comments(), acked.votes(),
        acked.messages(), acked.memberships(), acked.subreddits(), tally.crossActions(), written);
    return written;
  }

  /**
   * Uploads every file of this client to the coordinator, then tells it the client ended.
   *
   * @throws IOException if the files could not be delivered (they stay in {@code --out})
   */
  private void deliver(int k, String status) throws IOException, InterruptedException {
    try {
      link.upload(options.out, RunFiles.clientUploads(k), DELIVERY_PATIENCE);
    } finally {
      link.finish(status.equals(Client.STOPPED) ? ClientPhase.STOPPED : ClientPhase.FINISHED, DELIVERY_PATIENCE);
    }
  }

  /**
   * Returns what the engine holds of the writes of the users named {@code prefix…} before any of
   * them is set up: nothing, unless the names are taken already (the same run tag on the same
   * engine), whose writes are then not this run's. Asked again through transport failures (the
   * engine restarting) for as long as a change would be.
   *
   * @throws IOException if the engine does not answer
   */
  private static WriteCounts before(EngineCalls calls, String prefix)
      throws IOException, InterruptedException {
    List<WriteCounts> held;
    RetryPolicy.Retry retry = EngineCalls.CHANGE_RETRIES.start();
    try {
      do {
        held = calls.call(Op.STATS, System.nanoTime(), s -> s.writeCounts(prefix));
      } while (held == null && retry.pause());
    } catch (RedditException e) {
      throw new IOException("the engine refused to count the writes of users " + prefix + "*: "
          + e.getMessage(), e);
    }
    if (held == null) {
      throw new IOException("the engine did not answer how many writes users " + prefix
          + "* have (see the client's errors); it must, before the run, for its consistency check");
    }
    return AckedWrites.sum("before", held);
  }

  /** Returns what the engine acknowledged to each of {@code users} so far. */
  private static List<WriteCounts> acked(SimUser[] users) {
    List<WriteCounts> all = new ArrayList<>(users.length);
    for (SimUser u : users) {
      all.add(u.acked());
    }
    return all;
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
              connection.stubs().users().goOffline(u.token);
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
}
