package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two simulator JVMs of 200 users each run for a few seconds against one engine, through
 * scripts/start-clients.sh: the merged metrics are written, the engine's counts match what the
 * clients were acknowledged, and each client's users acted on the other client's content. A
 * client JVM that dies at start is reported as such, and the run is not counted as inconsistent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class SimulationIT {

  private static final String MERGED_HEADER =
      "op,count,errors,throughput_per_s,mean_ms,p50_ms,p90_ms,p99_ms,p999_ms,max_ms";

  /** The first four columns as they always were, then the columns the Zipf check appended. */
  private static final String ZIPF_HEADER =
      "rank,subreddit,members,expected,posts,exponent,fitted_exponent";

  private RealProcesses procs;

  @BeforeAll
  void startEngine() throws Exception {
    procs = RealProcesses.start();
  }

  @AfterAll
  void stopEngine() {
    if (procs != null) {
      procs.close();
    }
  }

  @Test
  void twoClientJvmsShareOneEngineAndTheRunPassesTheConsistencyCheck() throws Exception {
    Path runs = procs.home().resolve("runs");
    RealProcesses.Result result = procs.script("start-clients.sh",
        "--clients", "2", "--run-id", "it", "--runs-dir", runs.toString(),
        "--registry", procs.registry(), "--users", "200", "--duration", "8s",
        "--rate", "150", "--online-mean", "10s", "--offline-mean", "2s").assertOk();
    Path run = runs.resolve("it");
    assertTrue(result.stdout().contains("results: "), result.stdout());

    List<String> merged = Files.readAllLines(run.resolve("merged.csv"));
    assertEquals(MERGED_HEADER, merged.get(0));
    String all = merged.stream().filter(l -> l.startsWith("ALL,")).findFirst()
        .orElseThrow(() -> new AssertionError("no ALL row in merged.csv: " + merged));
    assertTrue(Long.parseLong(all.split(",")[1]) > 0, all);

    assertTrue(consistencyPassed(run), "consistency check did not pass:\n" + result.stdout());

    long acked = 0;
    for (int k = 1; k <= 2; k++) {
      Properties client = load(run.resolve("client-" + k + ".properties"));
      acked += Long.parseLong(client.getProperty("acked.posts"));
      assertEquals("finished", client.getProperty("status"), "client " + k);
      assertEquals("200", client.getProperty("users"), "client " + k);
      long cross = Long.parseLong(client.getProperty("cross.actions"));
      assertTrue(cross > 0, "client " + k + " acted on no content of the other client: " + client);
      assertTrue(Long.parseLong(client.getProperty("acked.posts")) > 0, "client " + k + " posted nothing");
    }

    // The Zipf check counts each subreddit's posts on the engine: together, every post of the run.
    List<String> zipf = Files.readAllLines(run.resolve("zipf.csv"));
    assertEquals(ZIPF_HEADER, zipf.get(0));
    long counted = zipf.stream().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[4])).sum();
    assertEquals(acked, counted, "posts in zipf.csv against the posts the clients were acknowledged");
  }

  @Test
  void aClientThatDiesAtStartIsReportedAsSuch_andTheRunIsNotCheckedNorFailed() throws Exception {
    Path runs = procs.home().resolve("runs");
    RealProcesses.Result result = SecurityShell.run(procs, null, List.of("CLIENT_JAVA_OPTS=-XX:+NoSuchOption"),
        SecurityShell.script(null, "start-clients.sh", "--clients", "1", "--run-id", "dies",
            "--runs-dir", runs.toString(), "--registry", procs.registry(), "--users", "10", "--duration", "5s"));
    assertEquals(1, result.exitCode(), "a failed start is exit 1, not 3 (consistency FAIL): " + result);
    assertTrue(result.stderr().contains("client 1 failed to start: Unrecognized VM option 'NoSuchOption'"),
        result.stderr());
    assertTrue(result.stdout().contains("consistency=not checked"), result.stdout());
    assertEquals("not checked", load(runs.resolve("dies/run.properties")).getProperty("consistency"));
  }

  private static boolean consistencyPassed(Path run) throws IOException {
    Path runProperties = run.resolve("run.properties");
    if (Files.exists(runProperties) && "PASS".equals(load(runProperties).getProperty("consistency"))) {
      return true;
    }
    Path text = run.resolve("consistency.txt");
    return Files.exists(text) && Files.readAllLines(text).contains("consistency=PASS");
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    return p;
  }
}
