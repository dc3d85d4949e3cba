package org.redditclone.inprocess;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redditclone.api.Bindings;
import org.redditclone.api.CommentService;
import org.redditclone.api.FeedService;
import org.redditclone.api.MessageService;
import org.redditclone.api.PostService;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;
import org.redditclone.client.connect.EngineConnection;
import org.redditclone.client.connect.EngineStubs;
import org.redditclone.client.merge.MergeMain;
import org.redditclone.client.runfiles.RunFiles;
import org.redditclone.client.sim.SimClientMain;
import org.redditclone.engine.Engine;
import org.redditclone.engine.EngineOptions;
import org.redditclone.engine.StoredEngine;

/**
 * The engine and K simulated clients in one JVM: see {@link InProcessOptions#USAGE}.
 *
 * <p>Each client calls the engine's service objects as {@link Engine#services()} hands them to
 * RMI for export: every call counted by the stats and made durable by the journal before it
 * returns, as over RMI. What RMI adds is absent: marshalling (arguments and results are shared,
 * not copied), the serialization filters, the sockets and the engine's connection threads (a
 * call runs on the client's own thread).
 */
public final class InProcessMain {

  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  /** After a TERM or Ctrl-C, as start-clients.sh's. */
  static final int EXIT_STOPPED = 130;

  /** How long a TERM waits for the clients to write their files and the merge to finish. */
  private static final long STOP_SECONDS = 120;

  private InProcessMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the simulation of {@code args} and returns its exit status. */
  static int run(String[] args) {
    InProcessOptions options;
    try {
      options = InProcessOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("in-process: " + e.getMessage());
      System.err.println("Try --help.");
      return EXIT_USAGE;
    }
    if (options.help()) {
      System.out.println(InProcessOptions.USAGE);
      return EXIT_OK;
    }
    StoredEngine stored;
    try {
      stored = StoredEngine.open(EngineOptions.parse(options.engineArgs()));
    } catch (Exception e) {
      System.err.println("in-process: the engine failed to start: " + e.getMessage());
      return EXIT_FAILED;
    }
    CountDownLatch done = new CountDownLatch(1);
    AtomicBoolean stopped = new AtomicBoolean();
    // TERM or Ctrl-C: each client's own hook ends its steady phase and writes its files; this one
    // keeps the JVM up until the journal is closed. As start-clients.sh after a TERM, no merge.
    Thread hook = new Thread(() -> {
      stopped.set(true);
      await(done);
    }, "in-process-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return simulate(options, EngineConnection.inProcess(stubs(stored.engine())), stopped);
    } finally {
      stored.close(); // the clients have stopped: no call can come any more
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running and waits for us
      }
    }
  }

  /** Returns the engine's service objects, each as RMI would export it. */
  static EngineStubs stubs(Engine engine) {
    return new EngineStubs(
        engine.service(Bindings.USERS, UserService.class),
        engine.service(Bindings.SUBREDDITS, SubredditService.class),
        engine.service(Bindings.POSTS, PostService.class),
        engine.service(Bindings.COMMENTS, CommentService.class),
        engine.service(Bindings.FEED, FeedService.class),
        engine.service(Bindings.MESSAGES, MessageService.class),
        engine.service(Bindings.STATS, StatsService.class));
  }

  /** Records the baseline, runs the clients, merges; returns the exit status. */
  private static int simulate(InProcessOptions options, EngineConnection engine, AtomicBoolean stopped) {
    Path runDir = options.runDir();
    int baseline = MergeMain.baseline(runDir, engine, System.out, System.err);
    if (baseline != EXIT_OK) {
      return baseline;
    }
    int[] status = runClients(options, engine);
    if (stopped.get()) {
      System.err.println("in-process: stopped; the clients wrote their files (status=stopped), the run is not merged");
      return EXIT_STOPPED;
    }
    SortedSet<Integer> expected = new TreeSet<>();
    List<Integer> notStarted = new ArrayList<>();
    List<Integer> failed = new ArrayList<>();
    for (int k = 1; k <= options.clients(); k++) {
      expected.add(k);
      if (status[k] != EXIT_OK) {
        // As start-clients.sh tells them apart: a client that wrote no properties never got set up.
        (Files.exists(runDir.resolve(RunFiles.clientProperties(k))) ? failed : notStarted).add(k);
      }
    }
    int merged = MergeMain.merge(runDir, engine, expected, System.out, System.err);
    if (!failed.isEmpty()) {
      System.err.println("in-process: client(s) " + failed + " failed; see their logs in " + runDir);
    }
    if (!notStarted.isEmpty()) {
      System.err.println("in-process: client(s) " + notStarted + " failed to start; see their logs in " + runDir);
    }
    // A failed start is exit 1 whatever the merge said: the run did not happen as asked.
    return !notStarted.isEmpty() || (merged == EXIT_OK && !failed.isEmpty()) ? EXIT_FAILED : merged;
  }

  /** Runs clients 1..K, each on its own thread with its own log, and returns their exit statuses by id. */
  private static int[] runClients(InProcessOptions options, EngineConnection engine) {
    int[] status = new int[options.clients() + 1];
    List<Thread> threads = new ArrayList<>();
    for (int k = 1; k <= options.clients(); k++) {
      int id = k;
      Thread t = new Thread(() -> {
        try (PrintStream log = clientLog(options.runDir(), id)) {
          status[id] = SimClientMain.runInProcess(options.clientArgs(id), engine, log);
        } catch (IOException | RuntimeException e) {
          System.err.println("in-process: client " + id + " failed: " + e);
          status[id] = EXIT_FAILED;
        }
      }, "client-" + k);
      threads.add(t);
      t.start();
    }
    System.out.println("in-process: started clients 1.." + options.clients() + " in this JVM; logs: "
        + options.runDir() + "/client-K.log");
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return status; // written before each join returned: join is a happens-before edge
  }

  /** Returns client K's log, the file its JVM's output would go to over RMI. */
  private static PrintStream clientLog(Path runDir, int k) throws IOException {
    Files.createDirectories(runDir);
    OutputStream file = Files.newOutputStream(runDir.resolve("client-" + k + ".log"));
    return new PrintStream(file, true, StandardCharsets.UTF_8);
  }

  private static void await(CountDownLatch done) {
    try {
      done.await(STOP_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
