package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code simulate.sh --in-process} runs the engine and the clients in one JVM and writes the same
 * run folder as a run over RMI, so that {@code compare.sh} compares the two; and a TERM still
 * lets the clients write their files, and leaves nothing running.
 */
final class InProcessIT {

  /** The same users, mix, rate, seed and a short warm-up on both sides. */
  private static final List<String> RUN = List.of("--clients", "2", "--users", "100",
      "--duration", "5s", "--warmup", "1s", "--rate", "40", "--seed", "7");

  private RealProcesses procs;
  private Path runs;

  @BeforeEach
  void harness() throws IOException {
    procs = RealProcesses.create();
    runs = procs.home().resolve("runs");
  }

  @AfterEach
  void stopAll() {
    procs.close();
  }

  @Test
  void anInProcessRunAndARunOverRmi_passTheirChecks_andCompare() throws Exception {
    simulate("part1", "--in-process").assertOk();
    simulate("part2").assertOk();
    Path part1 = runs.resolve("part1");
    Path part2 = runs.resolve("part2");

    Properties one = load(part1.resolve("run.properties"));
    Properties two = load(part2.resolve("run.properties"));
    assertEquals("PASS", one.getProperty("consistency"), "in-process: " + one);
    assertEquals("PASS", two.getProperty("consistency"), "over RMI: " + two);
    assertEquals("in-process", one.getProperty("engine"));
    assertEquals("rmi", two.getProperty("engine"));
    for (int k = 1; k <= 2; k++) {
      Properties client = load(part1.resolve("client-" + k + ".properties"));
      assertEquals("finished", client.getProperty("status"), "client " + k);
      assertNull(client.getProperty("registry"), "an in-process client names no registry: " + client);
      assertTrue(Long.parseLong(client.getProperty("cross.actions")) > 0,
          "client " + k + " acted on no content of the other client in the same JVM");
      assertTrue(Files.size(part1.resolve("client-" + k + ".hlog")) > 0, "client " + k + " wrote no hlog");
    }
    // No registry and no engine JVM were started: their logs are absent, the one JVM's is there.
    try (var logs = Files.list(part1.resolve("logs"))) {
      assertEquals(List.of("in-process.log"), logs.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.exists(part1.resolve("data")), "the engine kept no journal in the run's data/");

    RealProcesses.Result compared = procs.script("compare.sh", part1.toString(), part2.toString()).assertOk();
    assertTrue(compared.stdout().lines().anyMatch(l -> l.matches("engine +in-process +rmi")), compared.stdout());
    assertTrue(compared.stdout().lines().anyMatch(l -> l.startsWith("ALL ")), compared.stdout());
  }

  @Test
  void term_stopsTheClientsEarly_whoWriteTheirFiles_andNothingIsLeftRunning() throws Exception {
    Process script = procs.startScript("simulate.sh", "--in-process", "--run-id", "termed",
        "--runs-dir", runs.toString(), "--clients", "2", "--users", "50", "--duration", "2m", "--warmup", "0s",
        "--rate", "20");
    Path run = runs.resolve("termed");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!(running(run, 1) && running(run, 2))) {
      assertTrue(script.isAlive(), "simulate.sh exited before the clients were set up");
      assertTrue(System.nanoTime() < deadline, "the clients were not set up within 90 s");
      Thread.sleep(200);
    }
    long jvm = Long.parseLong(Files.readString(run.resolve("state/in-process.pid")).trim());

    script.destroy(); // SIGTERM
    assertTrue(script.waitFor(90, TimeUnit.SECONDS), "simulate.sh did not stop within 90 s of TERM");
    assertEquals(130, script.exitValue());
    assertFalse(ProcessHandle.of(jvm).map(ProcessHandle::isAlive).orElse(false), "the JVM outlived simulate.sh");
    for (int k = 1; k <= 2; k++) {
      assertEquals("stopped", load(run.resolve("client-" + k + ".properties")).getProperty("status"), "client " + k);
      assertTrue(Files.size(run.resolve("client-" + k + ".hlog")) > 0, "client " + k + " wrote no hlog");
    }
    // As start-clients.sh after a TERM: the files are there to merge by hand; nothing merged them.
    assertFalse(Files.exists(run.resolve("merged.csv")), "a stopped run was merged");
  }

  private RealProcesses.Result simulate(String runId, String... extra) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of(extra));
    args.addAll(List.of("--run-id", runId, "--runs-dir", runs.toString()));
    args.addAll(RUN);
    return procs.script("simulate.sh", args.toArray(String[]::new));
  }

  private static boolean running(Path run, int k) throws IOException {
    Path file = run.resolve("client-" + k + ".properties");
    return Files.exists(file) && "running".equals(load(file).getProperty("status"));
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    return p;
  }
}
