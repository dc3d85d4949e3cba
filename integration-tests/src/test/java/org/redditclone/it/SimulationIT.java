package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two simulator JVMs of 200 users each run for a few seconds against one engine, through
 * scripts/start-clients.sh, while a person pokes the engine with the CLI: the merged metrics are
 * written, what the engine holds of each client's users' writes matches what they were
 * acknowledged, the person's writes are reported as outside writes, and each client's users acted
 * on the other client's content. A client JVM that dies at start is reported as such, and the run is not counted as inconsistent.
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
  void twoClientJvmsShareOneEngine_aPersonPokesItMeanwhile_andTheRunPassesTheConsistencyCheck_aFailedThresholdExitsFour()
      throws Exception {
    Path runs = procs.home().resolve("runs");
    Process clients = procs.startScript("start-clients.sh",
        "--clients", "2", "--run-id", "it", "--runs-dir", runs.toString(),
        "--registry", procs.registry(), "--users", "200", "--duration", "8s",
        "--rate", "150", "--online-mean", "10s", "--offline-mean", "2s",
        "--threshold", "ALL.error_rate<100%", "--threshold", "ALL.throughput>1000000");
    Path run = runs.resolve("it");
    awaitFile(run.resolve("baseline.properties"), clients);
    // The poke of issue 17: another user's writes on the same engine while the run goes on.
    List<String> poke = procs.cli("""
        register poker pw-poker
        login poker pw-poker
        create-sub pokes "poked during a run"
        post pokes hello "from the CLI"
        """).assertOk().lines();
    String postId = poke.get(3).split(" ")[0].substring("id=".length());
    procs.cli(null, "--as", "poker:pw-poker", "comment", postId, "hi").assertOk();
    procs.cli(null, "--as", "poker:pw-poker", "vote", postId, "up").assertOk();
    assertTrue(clients.waitFor(120, TimeUnit.SECONDS), "start-clients.sh did not end in 120 s");
    String stdout = output(procs, run);
    assertEquals(4, clients.exitValue(), "a threshold failed, nothing else: " + stdout);
    assertTrue(stdout.contains("results: "), stdout);
    assertTrue(stdout.contains("\noutside writes during the run: posts=1 comments=1 votes=1 messages=0 "
        + "memberships=1 subreddits=1\n"), stdout);
    List<String> thresholds = Files.readAllLines(run.resolve("thresholds.txt"));
    assertEquals(2, thresholds.size(), thresholds.toString());
    assertTrue(thresholds.get(0).matches("ALL\\.error_rate<100% PASS \\d+\\.\\d{3}%"), thresholds.toString());
    assertTrue(thresholds.get(1).matches("ALL\\.throughput>1000000 FAIL \\d+\\.\\d{3}"), thresholds.toString());
    assertTrue(stdout.contains("threshold ALL.throughput>1000000 FAIL "), stdout);

    List<String> merged = Files.readAllLines(run.resolve("merged.csv"));
    assertEquals(MERGED_HEADER, merged.get(0));
    String all = merged.stream().filter(l -> l.startsWith("ALL,")).findFirst()
        .orElseThrow(() -> new AssertionError("no ALL row in merged.csv: " + merged));
    assertTrue(Long.parseLong(all.split(",")[1]) > 0, all);

    assertTrue(consistencyPassed(run), "consistency check did not pass:\n" + stdout);
    Properties checked = load(run.resolve("run.properties"));
    assertTrue(checked.getProperty("consistency.client.1").startsWith("PASS posts="), checked.toString());
    assertTrue(checked.getProperty("consistency.client.2").startsWith("PASS posts="), checked.toString());

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

    // The Zipf check counts each subreddit's posts on the engine: together, every post of the run
    // (in the run's subreddits; the person's subreddit is on the engine too).
    List<String> zipf = Files.readAllLines(run.resolve("zipf.csv"));
    assertEquals(ZIPF_HEADER, zipf.get(0));
    long counted = zipf.stream().skip(1).filter(line -> line.split(",")[1].startsWith("sim_r"))
        .mapToLong(line -> Long.parseLong(line.split(",")[4])).sum();
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

  /** Waits until {@code file} exists, or fails if {@code process} ended first or 60 s passed. */
  private static void awaitFile(Path file, Process process) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(file)) {
      assertTrue(process.isAlive(), "ended before writing " + file);
      assertTrue(System.nanoTime() < deadline, "no " + file + " after 60 s");
      Thread.sleep(50);
    }
  }

  /** Returns the output of the start-clients.sh started in the background for {@code run}. */
  private static String output(RealProcesses procs, Path run) throws IOException {
    try (Stream<Path> logs = Files.list(procs.home().resolve("logs"))) {
      for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("start-clients.sh-")).toList()) {
        String text = Files.readString(log);
        if (text.contains(run.toAbsolutePath().toString())) {
          return text;
        }
      }
    }
    throw new AssertionError("no output of start-clients.sh for " + run);
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
