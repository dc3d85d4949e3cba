package org.redditclone.client.coordinator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.redditclone.api.Bindings;
import org.redditclone.api.RunCoordinator;
import org.redditclone.client.merge.ConnectedEngine;
import org.redditclone.client.merge.LiveEngine;
import org.redditclone.client.merge.MergeMain;
import org.redditclone.client.report.FolderView;
import org.redditclone.client.report.RunPage;
import org.redditclone.client.report.RunPageServer;
import org.redditclone.client.runfiles.RunFiles;
import org.redditclone.client.runfiles.ThresholdsFile;
import org.redditclone.rmi.OwnRegistry;
import org.redditclone.rmi.RmiEndpoint;
import org.redditclone.rmi.SerialFilters;

/**
 * The run coordinator's process: records the engine's counts, serves the run (its own read-only
 * registry and the {@link Coordinator}, on loopback unless {@code --bind-address} says otherwise),
 * prints a live line every {@value #LINE_MILLIS} ms and serves the live run page on loopback, and
 * once every client has ended writes the run folder's merge, the thresholds, the summary and
 * report.html. See {@link CoordinatorOptions#USAGE}.
 */
public final class CoordinatorMain {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int CONSISTENCY_FAILED = 3;
  static final int THRESHOLD_FAILED = 4;
  static final long LINE_MILLIS = 2_000;
  private static final long STEP_MILLIS = 250;

  private CoordinatorMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the coordinator of {@code args} and returns its exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    CoordinatorOptions options;
    try {
      options = CoordinatorOptions.parse(args);
    } catch (IllegalArgumentException e) {
      boolean checking = List.of(args).contains(CoordinatorOptions.CHECK_OPTIONS);
      err.println(checking ? e.getMessage() : "coordinator: " + e.getMessage());
      return USAGE;
    }
    if (options.help()) {
      out.println(CoordinatorOptions.USAGE);
      return OK;
    }
    if (options.checkOnly()) {
      return OK;
    }
    LiveEngine engine = ConnectedEngine.at(options.registry());
    try {
      Files.createDirectories(options.runDir());
      MergeMain.baseline(options.runDir(), engine, out);
    } catch (IOException | RuntimeException e) {
      err.println("coordinator: could not record the engine's counts before the run (is the engine up at "
          + options.registry() + "?): " + e.getMessage());
      return FAILED;
    }
    try (RunFolder folder = new RunFolder(options.runDir())) {
      return serve(options, engine, folder, out, err);
    } catch (IOException | RuntimeException e) {
      err.println("coordinator: the run " + options.runId() + " failed: " + e);
      return FAILED;
    }
  }

  private static int serve(CoordinatorOptions options, LiveEngine engine, RunFolder folder, PrintStream out,
      PrintStream err) throws IOException {
    Coordinator run = new Coordinator(options, folder, System::currentTimeMillis);
    RmiEndpoint.advertise(options.bindAddress());
    RmiEndpoint endpoint = RmiEndpoint.on(options.bindAddress());
    int port = options.port() != 0 ? options.port() : freePort(endpoint);
    String address = options.bindAddress().getHostAddress() + ":" + port;
    EngineWatch watch = new EngineWatch(engine, run);
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      run.stop(System.currentTimeMillis(), "TERM: the clients are told to stop and upload what they have");
      try {
        done.await(90, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "coordinator-shutdown");
    LiveView view = new LiveView(run);
    try (RunPageServer page = RunPageServer.start(view, InetAddress.getLoopbackAddress(), options.httpPort())) {
      SortedSet<Integer> expected;
      try (OwnRegistry registry = export(run, endpoint, port)) {
        if (options.addressFile() != null) {
          RunFiles.writeAtomically(options.addressFile(), address + "\n");
        }
        out.println("coordinator of run " + options.runId() + " at " + address + " (" + endpoint + "): waiting for "
            + options.expectedClients() + " client(s); window " + CoordinatorOptions.text(options.duration())
            + " after a warm-up of " + CoordinatorOptions.text(options.warmup()) + (options.thresholds().isEmpty()
            ? "" : "; thresholds " + String.join(" ", options.thresholds().stream().map(Threshold::expression).toList())));
        out.println("live page: " + page.url());
        out.flush();
        Runtime.getRuntime().addShutdownHook(hook);
        Thread watcher = new Thread(watch, "engine-watch");
        watcher.setDaemon(true);
        watcher.start();
        drive(run, view, out);
        watch.stop();
        expected = run.closeFolder();
      }
      // TERM waits for this too: the run folder is written whole before the JVM exits.
      int status = MergeMain.merge(options.runDir(), engine, expected, out);
      int verdict = thresholds(run, out);
      writeReport(options, err);
      return status == CONSISTENCY_FAILED ? status : Math.max(status == FAILED ? FAILED : OK, verdict);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    } finally {
      out.flush();
      done.countDown();
    }
  }

  /**
   * Writes report.html: the live page's renderer with the merged run folder embedded. A report that
   * cannot be drawn is said on {@code err} and does not fail the run.
   */
  private static void writeReport(CoordinatorOptions options, PrintStream err) {
    if (!Files.isRegularFile(options.runDir().resolve(RunFiles.MERGED_CSV))) {
      return;
    }
    try {
      RunPage.write(options.runDir().resolve(RunFiles.REPORT_HTML),
          RunPage.report(FolderView.read(options.runDir())));
    } catch (IOException | RuntimeException e) {
      err.println("coordinator: the report of run " + options.runId() + " could not be written: " + e.getMessage());
    }
  }

  /**
   * Serves {@code run} on {@code port} of {@code endpoint}: a registry only this JVM binds in, and
   * the coordinator beside it, every call's arguments read through {@link
   * SerialFilters#coordinatorFilter()}. Close the registry to stop serving.
   */
  static OwnRegistry export(RunCoordinator run, RmiEndpoint endpoint, int port) throws IOException {
    OwnRegistry registry = OwnRegistry.start(endpoint, port, "coordinator");
    try {
      registry.bind(Bindings.COORDINATOR, run, SerialFilters.coordinatorFilter());
    } catch (IOException | RuntimeException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  /** Advances the run and prints its events and live line until it is over. */
  private static void drive(Coordinator run, LiveView view, PrintStream out) throws InterruptedException {
    long nextLine = System.currentTimeMillis() + LINE_MILLIS;
    long nextView = 0;
    while (true) {
      long now = System.currentTimeMillis();
      run.tick(now);
      run.takeEvents().forEach(event -> out.println("  " + event));
      if (now >= nextView) {
        view.update(now);
        nextView = now + 1000;
      }
      if (run.finished(now)) {
        out.println(view.line(now));
        view.update(now);
        return;
      }
      if (now >= nextLine) {
        out.println(view.line(now));
        nextLine += LINE_MILLIS;
      }
      out.flush();
      Thread.sleep(STEP_MILLIS);
    }
  }

  /** Writes and prints the thresholds' verdicts; returns {@link #THRESHOLD_FAILED} if one failed, else 0. */
  private static int thresholds(Coordinator run, PrintStream out) throws IOException {
    if (run.thresholds().isEmpty()) {
      return OK;
    }
    List<Thresholds.Verdict> verdicts = run.verdicts();
    ThresholdsFile.write(run.options.runDir().resolve(RunFiles.THRESHOLDS_TXT),
        verdicts.stream().map(Thresholds.Verdict::line).toList());
    out.println();
    verdicts.forEach(v -> out.println("threshold " + v.line().text()));
    if (!run.abortReason.isEmpty()) {
      out.println("the run was aborted: " + run.abortReason);
    }
    return verdicts.stream().allMatch(Thresholds.Verdict::pass) ? OK : THRESHOLD_FAILED;
  }

  private static int freePort(RmiEndpoint endpoint) throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, endpoint.address())) {
      return socket.getLocalPort();
    }
  }
}
