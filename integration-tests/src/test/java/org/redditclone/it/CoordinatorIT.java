package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One run through its coordinator, as the world runs it: three client JVMs from one
 * start-clients.sh, a fourth from a second start-clients.sh with the same run id that joins the
 * running window, one of the first three killed with SIGKILL while it measures and another
 * stopped with TERM. The run finishes; the lost client is marked and its seconds count; the
 * stopped one leaves cleanly with its files; the timeline's clients step up when the fourth
 * begins; and the file merge of the folder after the fact gives the same figures.
 */
final class CoordinatorIT {

  private static final long PATIENCE_MILLIS = 90_000;

  private RealProcesses procs;

  @AfterEach
  void stop() {
    if (procs != null) {
      procs.close();
    }
  }

  @Test
  void aLateJoinerAndALostClient_theRunFinishes_countingAllFour() throws Exception {
    procs = RealProcesses.start();
    Path runs = procs.home().resolve("runs");
    Path run = runs.resolve("lj");
    List<String> common = List.of("--runs-dir", runs.toString(), "--registry", procs.registry(), "--users", "30",
        "--rate", "40", "--heap", "96m");
    Process first = procs.startScript("start-clients.sh", args(common, "--clients", "3", "--run-id", "lj",
        "--duration", "16s", "--warmup", "1s"));
    Path firstOut = newestOutput("start-clients.sh");
    awaitTrue(() -> read(firstOut).lines().anyMatch(line -> line.matches("\\s*\\d+s measuring, \\d+s left .*")),
        "the window to start: " + firstOut);

    Process second = procs.startScript("start-clients.sh", args(common, "--clients", "1", "--run-id", "lj"));
    // Client 4's seconds, as the coordinator files what it pushes: two of them, then the kill.
    awaitTrue(() -> read(run.resolve("client-4.online.csv")).lines().count() >= 3,
        "client 4 to measure two seconds: " + run.resolve("client-4.log"));
    long killed = Long.parseLong(Files.readString(procs.home().resolve("state/client-2.pid")).strip());
    ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // SIGKILL, while it measures
    Thread.sleep(2_000);
    long stopped = Long.parseLong(Files.readString(procs.home().resolve("state/client-3.pid")).strip());
    ProcessHandle.of(stopped).orElseThrow().destroy(); // TERM: it leaves cleanly
    // The lost client's seconds up to its death count; what it was acknowledged is unknown, so it
    // is not checked while the others are. A client JVM that died makes start-clients.sh exit 1.
    assertTrue(second.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS), "the joining start-clients.sh ended");
    assertEquals(0, second.exitValue(), read(newestOutput("start-clients.sh")));
    assertTrue(first.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS), "the run ended: " + read(firstOut));
    String output = read(firstOut);
    assertEquals(1, first.exitValue(), output);

    Map<String, String> properties = load(run.resolve("run.properties"));
    assertEquals("1,2,3,4", properties.get("clients"), output);
    assertEquals("2", properties.get("clients.lost"), output);
    assertEquals("lost", load(run.resolve("client-2.properties")).getOrDefault("status", ""));
    assertEquals("stopped", load(run.resolve("client-3.properties")).getOrDefault("status", ""), output);
    assertTrue(output.contains("client 3 stopped after second "), output);
    assertTrue(output.contains("client 2 lost"), output);
    assertTrue(output.contains("lost      2 (stopped reporting; counted up to their last second)"), output);
    assertEquals("PASS", properties.get("consistency"), output);
    assertTrue(properties.get("consistency.client.2").startsWith("not checked (lost)"), properties.toString());
    for (int k : new int[] {1, 3, 4}) {
      assertTrue(properties.get("consistency.client." + k).startsWith("PASS "), properties.toString());
    }
    assertTrue(properties.get("consistency.note").contains("client 2 was lost during the run"), properties.toString());
    assertTrue(output.contains("consistency=PASS"), output);
    assertTrue(!output.contains("did not finish"), output);

    // Every client's seconds are in the merge: the three that ended uploaded theirs, the lost
    // one's are those it pushed before it died.
    long merged = allCount(run.resolve("merged.csv"));
    long uploaded = 0;
    for (int k : new int[] {1, 3, 4}) {
      uploaded += allCount(run.resolve("client-" + k + ".csv"));
    }
    assertTrue(Files.readString(run.resolve("client-2.hlog")).contains("Tag=feed"), "client 2's pushed seconds");
    assertTrue(merged > uploaded && uploaded > 0, merged + " merged against " + uploaded + " from clients 1, 3 and 4");

    // The timeline's clients: 3, then 4 once the fourth measures, then 2 once client 2 is lost and
    // client 3 stopped.
    TreeMap<Long, Integer> clients = timelineClients(run.resolve("timeline.csv"));
    int firstOfFour = clients.entrySet().stream().filter(e -> e.getValue() == 4).mapToInt(e -> e.getKey().intValue())
        .min().orElseThrow(() -> new AssertionError("no second with 4 clients: " + clients));
    assertEquals(3, clients.get((long) firstOfFour - 1), clients.toString());
    assertEquals(2, clients.lastEntry().getValue(), clients.toString());
    assertEquals(16, clients.size(), "the window's seconds: " + clients);
    // The engine is read each second of the window (a machine stalled for seconds skips some).
    List<String> engine = Files.readAllLines(run.resolve("engine.csv"));
    assertEquals("epoch_ms,gc_count,gc_ms,cpu_pct", engine.get(0));
    assertTrue(engine.size() > 1, "the engine was read: " + engine);

    // The file merge of the folder after the fact gives the same figures.
    Path copy = procs.home().resolve("runs-copy/lj");
    Files.createDirectories(copy);
    try (var files = Files.list(run)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("client-.*|baseline.properties|engine.csv"))
          .toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    ProcessBuilder merge = new ProcessBuilder(java(), "-Djava.security.properties="
        + RealProcesses.ROOT.resolve("policy/serial-filters.security"), "-cp", clientClassPath(),
        "org.redditclone.client.merge.MergeMain", "merge", "--run-dir", copy.toString(), "--registry", procs.registry())
        .redirectErrorStream(true).redirectOutput(procs.home().resolve("remerge.out").toFile());
    assertEquals(0, merge.start().waitFor(), read(procs.home().resolve("remerge.out")));
    assertEquals(Files.readAllLines(run.resolve("merged.csv")), Files.readAllLines(copy.resolve("merged.csv")));
    assertEquals(Files.readAllLines(run.resolve("timeline.csv")), Files.readAllLines(copy.resolve("timeline.csv")));
  }

  private static String[] args(List<String> common, String... more) {
    List<String> all = new ArrayList<>(List.of(more));
    all.addAll(common);
    return all.toArray(String[]::new);
  }

  private Path newestOutput(String script) throws IOException {
    try (var files = Files.list(procs.home().resolve("logs"))) {
      return files.filter(f -> f.getFileName().toString().startsWith(script + "-"))
          .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).orElseThrow();
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + PATIENCE_MILLIS / 1000 + " s for " + what);
      }
      Thread.sleep(200);
    }
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  static Map<String, String> load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    Map<String, String> map = new TreeMap<>();
    p.stringPropertyNames().forEach(key -> map.put(key, p.getProperty(key)));
    return map;
  }

  /** Returns the count of the ALL row of a summary CSV. */
  static long allCount(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().filter(line -> line.startsWith("ALL,"))
        .mapToLong(line -> Long.parseLong(line.split(",")[1])).findFirst().orElseThrow();
  }

  /** Returns the clients column of timeline.csv per second, read by its header. */
  static TreeMap<Long, Integer> timelineClients(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    int clients = header.indexOf("clients");
    TreeMap<Long, Integer> bySecond = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      bySecond.put(Long.parseLong(fields[0]), Integer.parseInt(fields[clients]));
    }
    return bySecond;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String clientClassPath() {
    return RealProcesses.ROOT.resolve("rmi-client/target/rmi-client.jar") + java.io.File.pathSeparator
        + RealProcesses.ROOT.resolve("rmi-client/target/lib/*");
  }
}
