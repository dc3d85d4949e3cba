package org.redditclone.client.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.redditclone.api.RedditException;
import org.redditclone.client.connect.AlteredRegistryException;
import org.redditclone.client.connect.EngineConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's entry point: one client JVM that plays {@code --users} users against the
 * engine. See {@code --help}.
 *
 * <p>Exit status: 0 when the client ran and reported (engine errors during the run are metrics,
 * not failures) or {@code --check-options} found the options good, 2 for a bad option, 1 when the
 * engine could not be reached at start within {@value #CONNECT_PATIENCE_SECONDS} seconds, the
 * registry holds another's object under the engine's names, the run coordinator refused the
 * client or could not be reached, or the run directory could not be written.
 */
public final class SimClientMain {

  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  static final int CONNECT_PATIENCE_SECONDS = 30;

  private static final Logger log = LoggerFactory.getLogger(SimClientMain.class);

  private SimClientMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one client and returns its exit status. */
  static int run(String[] args) {
    SimOptions options = parse(args);
    if (options == null || options.help || options.checkOnly) {
      return options == null ? EXIT_USAGE : EXIT_OK;
    }
    CoordinatorLink link = null;
    boolean ownOut = false;
    if (options.coordinator != null) {
      link = join(options);
      if (link == null) {
        return EXIT_FAILED;
      }
      ownOut = options.out == null;
    }
    int k = options.clientId;
    if (ownOut) {
      try {
        options.out = Files.createTempDirectory("redditclone-" + link.terms().runId() + "-client-" + k + "-");
      } catch (IOException e) {
        System.err.println("sim-client " + k + ": cannot create a temporary folder for its files: " + e);
        return EXIT_FAILED;
      }
    }
    if (!createOut(options)) {
      return EXIT_FAILED;
    }
    printBanner(options, (link == null ? "" : "run=" + link.terms().runId() + " coordinator="
        + options.coordinator + " ") + "registry=" + options.registry, System.out);
    EngineConnection connection;
    try {
      connection = EngineConnection.connect(
          options.registry, Duration.ofSeconds(CONNECT_PATIENCE_SECONDS));
    } catch (AlteredRegistryException e) {
      System.err.printf("sim-client %d: the engine at %s is not verified: %s%n", k, options.registry, e.getMessage());
      return EXIT_FAILED;
    } catch (RemoteException | NotBoundException e) {
      System.err.printf("sim-client %d: the engine at %s was not reachable for %d s: %s%n",
          k, options.registry, CONNECT_PATIENCE_SECONDS, e);
      return EXIT_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_FAILED;
    }
    int status = runJob(options, connection, System.out, link);
    if (ownOut && status == EXIT_OK) {
      deleteOwnFiles(options.out, k); // delivered: the run folder has them
    }
    return status;
  }

  /**
   * Runs one client of {@code args} against {@code engine}, the engine in this JVM ({@link
   * EngineConnection#inProcess}), printing its progress lines to {@code out}; returns its exit
   * status. {@code --registry} and {@code --coordinator} are not used. A launcher that runs several
   * clients in one JVM calls this once on a thread of its own per client.
   */
  public static int runInProcess(String[] args, EngineConnection engine, PrintStream out) {
    if (!engine.isInProcess()) {
      throw new IllegalArgumentException("runInProcess needs an engine in this JVM, not the one at "
          + engine.where());
    }
    SimOptions options = parse(args);
    if (options == null || options.help || options.checkOnly) {
      return options == null ? EXIT_USAGE : EXIT_OK;
    }
    if (!createOut(options)) {
      return EXIT_FAILED;
    }
    printBanner(options, "engine=" + engine.where(), out);
    return runJob(options, engine, out, null);
  }

  /** Returns the options of {@code args}, or null after printing why they are bad or the help. */
  private static SimOptions parse(String[] args) {
    SimOptions options;
    try {
      options = SimOptions.parse(args);
    } catch (IllegalArgumentException e) {
      if (List.of(args).contains(SimOptions.CHECK_OPTIONS)) {
        System.err.println(e.getMessage()); // the calling script says who it is and where help is
      } else {
        System.err.println("sim-client: " + e.getMessage());
        System.err.println("Try --help.");
      }
      return null;
    }
    if (options.help) {
      System.out.println(SimOptions.usage());
    }
    return options;
  }

  /**
   * Returns the client's link to the run coordinator of {@code --coordinator}, having taken the
   * run's terms (client id, duration, warm-up) into {@code options}; null after saying why not.
   */
  private static CoordinatorLink join(SimOptions options) {
    CoordinatorLink link;
    try {
      link = CoordinatorLink.join(options.coordinator, options.clientId, options.users,
          Duration.ofSeconds(CONNECT_PATIENCE_SECONDS));
    } catch (RedditException e) {
      System.err.printf("sim-client: the coordinator at %s refused to let this client join: %s%n",
          options.coordinator, e.getMessage());
      return null;
    } catch (RemoteException | NotBoundException e) {
      System.err.printf("sim-client: the coordinator at %s was not reachable for %d s: %s%n",
          options.coordinator, CONNECT_PATIENCE_SECONDS, e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    link.start();
    options.clientId = link.terms().clientId();
    options.duration = Duration.ofMillis(link.terms().durationMillis());
    options.warmup = Duration.ofMillis(link.terms().warmupMillis());
    return link;
  }

  private static boolean createOut(SimOptions options) {
    try {
      Files.createDirectories(options.out);
      return true;
    } catch (IOException e) {
      System.err.println("sim-client " + options.clientId + ": cannot create --out " + options.out + ": " + e);
      return false;
    }
  }

  /** Deletes the files client {@code k} wrote into its own temporary folder, then the folder. */
  private static void deleteOwnFiles(Path dir, int k) {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().startsWith("client-" + k + ".")) {
          Files.delete(file);
        }
      }
      Files.delete(dir);
    } catch (IOException e) {
      log.warn("client {}: could not delete its temporary folder {}: {}", k, dir, e.toString());
    }
  }

  /** Prints the client's first line; {@code engine} says where the engine is, as key=value. */
  private static void printBanner(SimOptions options, String engine, PrintStream out) {
    out.printf("client=%d %s users=%d duration=%ss %s subreddits=%d zipf=%s "
            + "seed=%d out=%s%n",
        options.clientId, engine, options.users, options.duration.toMillis() / 1000.0,
        (options.ping ? "baseline " : "")
            + (options.closed ? "closed concurrency=" + options.concurrency : "open rate=" + options.rate),
        options.subreddits, options.zipfExponent, options.seed, options.out);
  }

  /**
   * Runs the client's job until it reports or a TERM ends it, in the run of {@code link} (null: on
   * its own); returns the exit status.
   */
  private static int runJob(
      SimOptions options, EngineConnection connection, PrintStream out, CoordinatorLink link) {
    int k = options.clientId;
    ClientJob job = options.ping
        ? new PingClient(options, connection, out)
        : new SimClient(options, connection, out, link);
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      // TERM or Ctrl-C: end the steady phase now and let the client write its files.
      job.requestStop();
      try {
        finished.await(45, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sim-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      job.run();
      return EXIT_OK;
    } catch (IOException e) {
      log.error("client {} could not write its files in {}", k, options.out, e);
      System.err.println("sim-client " + k + ": cannot write results in " + options.out + ": " + e);
      return EXIT_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_FAILED;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running and waits for us
      }
    }
  }
}
