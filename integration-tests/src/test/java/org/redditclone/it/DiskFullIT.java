package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
    PostingWriters writers = PostingWriters.start(procs, WRITERS, "fill");
    ProcessHandle engine = enginePid();
    boolean exited = engine.onExit().orTimeout(180, TimeUnit.SECONDS).handle((h, e) -> e == null).get();
    String log = Files.readString(procs.home().resolve("logs/engine.log"));
    assertTrue(exited, "the engine did not stop within 180 s of writing to a 2 MiB disk; its log:\n" + log);
    assertTrue(log.contains("engine stops: its journal in " + data + " failed: No space left on device"), log);
    assertTrue(log.contains("engine exits 1"), log);
    writers.stop();

    String told = writers.output();
    Set<Long> acked = PostingWriters.postIds(told);
    assertTrue(acked.size() > 100, "the writers were told of " + acked.size() + " saved posts");
    assertTrue(told.contains("error: storage_failed: the engine's journal failed: No space left on device in "
        + data + "; "), "a writer heard why its change was refused:\n" + tail(told));

    Path larger = procs.home().resolve("data-on-a-larger-disk");
    copy(data, larger);
    startEngine(larger);
    String after = Files.readString(procs.home().resolve("logs/engine.log"));
    assertTrue(after.contains("invariants hold"), after);
    writers.assertAllThere(acked);
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
