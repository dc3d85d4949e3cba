package org.redditclone.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's data folder on a 2 MiB tmpfs that fills up, as a disk does: writers (CLI JVMs fed
 * commands through a pipe) post until the journal fails; the engine refuses, says why and exits 1;
 * the data folder is copied to a larger disk and the engine started on it holds every post that a
 * writer was told was saved, and a writer heard why its change was refused. And a disk full before
 * the start is a clear error before anything is bound.
 *
 * <p>Needs root to mount a tmpfs, as in CI; skipped otherwise. The tmpfs is unmounted after each
 * test, pass or fail, once the processes it started are stopped.
 */
final class DiskFullIT {

  private static final int WRITERS = 4;
  private static final Pattern ACKED = Pattern.compile("^id=p(\\d+) ", Pattern.MULTILINE);
  private static final String BODY = "b".repeat(1000);

  private RealProcesses procs;
  private Path tiny;
  private boolean mounted;

  @AfterEach
  void cleanUp() throws Exception {
    if (procs != null) {
      procs.close();
    }
    if (mounted && run("umount", tiny.toString()) != 0) {
      run("umount", "-l", tiny.toString()); // still busy: detach it now, freed once unused
    }
  }

  // none acknowledges exactly as interval does (after the write), which JournalFaultTest covers.
  @ParameterizedTest(name = "--fsync {0}")
  @ValueSource(strings = {"always", "interval"})
  void aDiskThatFills_losesNoAcknowledgedWrite_andTheEngineStopsSayingWhy(String fsync) throws Exception {
    Path data = mountTinyDisk().resolve("data");
    startEngine(data, "--fsync", fsync);
    procs.cli(null, "register", "writer", "pw").assertOk();
    procs.cli(null, "--as", "writer:pw", "create-sub", "fill", "posts until the disk is full").assertOk();

    List<Process> writers = new ArrayList<>();
    List<Thread> feeders = new ArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    for (int w = 0; w < WRITERS; w++) {
      Process p = procs.startScript("cli.sh", "--registry", procs.registry());
      writers.add(p);
      feeders.add(feed(p, w, stop));
    }
    ProcessHandle engine = enginePid();
    boolean exited = engine.onExit().orTimeout(180, TimeUnit.SECONDS).handle((h, e) -> e == null).get();
    stop.set(true);
    String log = Files.readString(procs.home().resolve("logs/engine.log"));
    assertTrue(exited, "the engine did not stop within 180 s of writing to a 2 MiB disk; its log:\n" + log);
    assertTrue(log.contains("engine stops: its journal in " + data + " failed: No space left on device"), log);
    assertTrue(log.contains("engine exits 1"), log);
    for (Process p : writers) {
      p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
    }
    for (Thread t : feeders) {
      t.join();
    }

    String told = writersOutput();
    Set<Long> acked = new TreeSet<>();
    Matcher m = ACKED.matcher(told);
    while (m.find()) {
      acked.add(Long.parseLong(m.group(1)));
    }
    assertTrue(acked.size() > 100, "the writers were told of " + acked.size() + " saved posts");
    assertTrue(told.contains("error: storage_failed: the engine's journal failed: No space left on device in "
        + data + "; "), "a writer heard why its change was refused:\n" + tail(told));

    Path larger = procs.home().resolve("data-on-a-larger-disk");
    copy(data, larger);
    startEngine(larger);
    String after = Files.readString(procs.home().resolve("logs/engine.log"));
    assertTrue(after.contains("invariants hold"), after);
    StringBuilder shows = new StringBuilder();
    acked.forEach(id -> shows.append("show p").append(id).append('\n'));
    String shown = procs.cli(shows.toString()).stdout();
    Set<Long> there = new TreeSet<>();
    Matcher s = ACKED.matcher(shown);
    while (s.find()) {
      there.add(Long.parseLong(s.group(1)));
    }
    Set<Long> lost = new TreeSet<>(acked);
    lost.removeAll(there);
    assertEquals(Set.of(), lost, acked.size() + " posts acknowledged, these are gone after the restart");
  }

  @Test
  void aDiskFullAtStart_isAClearError_beforeAnythingIsBound() throws Exception {
    Path disk = mountTinyDisk();
    fill(disk.resolve("filler"));
    Path data = disk.resolve("data");
    procs.script("start-registry.sh", "--port", String.valueOf(procs.registryPort())).assertOk();
    RealProcesses.Result r = procs.script("start-engine.sh", "--registry", procs.registry(),
        "--password-cost", "1000", "--data-dir", data.toString(), "--heap", "256m");
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.stderr().contains("engine: failed to start: cannot open the journal in " + data
        + ": No space left on device"), r.stderr());
    RealProcesses.Result stats = procs.cli(null, "stats");
    assertEquals(3, stats.exitCode(), "nothing is bound: " + stats);
    assertTrue(stats.stderr().contains("is not bound"), stats.stderr());
  }

  /** Mounts a 2 MiB tmpfs in the test's folder and returns it; skips the test where that fails. */
  private Path mountTinyDisk() throws Exception {
    procs = RealProcesses.create();
    tiny = procs.home().resolve("tiny-disk");
    Files.createDirectories(tiny);
    mounted = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", tiny.toString()) == 0;
    assumeTrue(mounted, "needs root to mount a 2 MiB tmpfs (mount -t tmpfs -o size=2m tmpfs DIR), as in CI");
    return tiny;
  }

  private void startEngine(Path data, String... extra) throws Exception {
    if (!Files.exists(procs.home().resolve("state/registry.pid"))) {
      procs.script("start-registry.sh", "--port", String.valueOf(procs.registryPort())).assertOk();
    }
    List<String> args = new ArrayList<>(List.of("--registry", procs.registry(), "--password-cost", "1000",
        "--data-dir", data.toString(), "--heap", "256m"));
    args.addAll(List.of(extra));
    procs.script("start-engine.sh", args.toArray(String[]::new)).assertOk();
  }

  private ProcessHandle enginePid() throws IOException {
    long pid = Long.parseLong(Files.readString(procs.home().resolve("state/engine.pid")).trim());
    return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("engine " + pid + " is gone already"));
  }

  /** Starts a thread that logs writer {@code w} in and then posts until told to stop or refused the pipe. */
  private static Thread feed(Process cli, int w, AtomicBoolean stop) {
    Thread t = new Thread(() -> {
      try (OutputStream in = cli.getOutputStream()) {
        in.write("login writer pw\n".getBytes(UTF_8));
        for (int i = 0; !stop.get(); i++) {
          in.write(("post fill \"w" + w + "." + i + "\" \"" + BODY + "\"\n").getBytes(UTF_8));
          in.flush();
        }
      } catch (IOException gone) {
        // the writer was stopped
      }
    }, "feeder-" + w);
    t.start();
    return t;
  }

  /** Returns what every writer printed, stdout and stderr. */
  private String writersOutput() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(procs.home().resolve("logs"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("cli.sh-")).toList()) {
        all.append(Files.readString(f));
      }
    }
    return all.toString();
  }

  private static String tail(String text) {
    return text.length() < 4000 ? text : text.substring(text.length() - 4000);
  }

  /** Writes zeros to {@code file} until the disk is full. */
  private static void fill(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
      while (true) {
        zeros.clear();
        ch.write(zeros);
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) {
        throw full;
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor();
  }
}
