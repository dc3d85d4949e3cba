package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opens the run page in headless Chromium (Debian's): report.html from disk (scripts/report.sh)
 * with every host name unresolvable, the comparison page (scripts/compare.sh --html), and the live
 * page served by a JVM of its own whose view grows every second. Each chart's element must say
 * {@code data-rendered="true"} (uPlot drew it) or, where the run has no such figures, {@code
 * "empty"}; the page must log nothing to the console and report no script error. Fails, rather
 * than skips, without Chromium: CI installs it.
 */
final class ReportInBrowserIT {

  /** A real 10 s run of 2 clients, files of the merge (see its README.txt). */
  static final Path FIXTURE = RealProcesses.ROOT.resolve(
      "integration-tests/src/test/resources/org/redditclone/it/report-fixture");

  /** Serves a live page of a run folder whose seconds grow; run as a single source file. */
  static final Path LIVE_PAGE = RealProcesses.ROOT.resolve(
      "integration-tests/src/test/live-page/LiveRunPage.java");

  static final List<String> CHART_IDS = List.of("chart-throughput", "chart-latency", "chart-errors",
      "chart-clients", "chart-engine", "chart-spectrum", "chart-zipf");

  private static final long BROWSER_TIMEOUT_SECONDS = 90;

  private RealProcesses procs;

  @BeforeEach
  void harness() throws IOException {
    procs = RealProcesses.create();
  }

  @AfterEach
  void cleanUp() {
    procs.close();
  }

  @Test
  void runReport_opensFromDiskWithNoNetwork_andDrawsEveryChart() throws Exception {
    Path run = copyFixture("run");
    appendCoordinatorColumns(run.resolve("timeline.csv"));
    procs.script("report.sh", run.toString()).assertOk();
    Path page = run.resolve("report.html");

    String dom = assertRenders(page.toUri().toString(), everyChart("true"),
        "--host-resolver-rules=MAP * ~NOTFOUND");
    assertTrue(dom.contains("data-state=\"finished\""), "the page shows the run as finished");
    assertTrue(dom.contains("fitted s = "), "the Zipf fit is named");

    Path screenshot = RealProcesses.ROOT.resolve("integration-tests/target/report-screenshot.png");
    Browser shot = chromium(page.toUri().toString(), "--hide-scrollbars", "--window-size=1300,4300",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--screenshot=" + screenshot);
    assertEquals(0, shot.exitCode, shot.stderr);
    byte[] png = Files.readAllBytes(screenshot);
    assertTrue(png.length > 50_000 && (png[0] & 0xff) == 0x89,
        "the screenshot " + screenshot + " is no real PNG (" + png.length + " bytes)");
  }

  @Test
  void aRunFromBeforeTheCoordinator_drawsEveryChartButTheEngines() throws Exception {
    Path run = copyFixture("old");
    procs.script("report.sh", run.toString()).assertOk();
    Map<String, String> expected = everyChart("true");
    expected.put("chart-engine", "empty");
    assertRenders(run.resolve("report.html").toUri().toString(), expected,
        "--host-resolver-rules=MAP * ~NOTFOUND");
  }

  @Test
  void comparisonPage_drawsBothSides() throws Exception {
    Path a = copyFixture("a");
    Path b = copyFixture("b");
    Path page = procs.home().resolve("compare.html");
    RealProcesses.Result result =
        procs.script("compare.sh", "--html", page.toString(), a.toString(), b.toString()).assertOk();
    assertTrue(result.stdout().contains("throughput_per_s"), result.stdout());
    assertFalse(Pattern.compile("\\d+\\.\\d+% \\(p=").matcher(result.stdout()).find(),
        "a run compared with itself shows a significant change:\n" + result.stdout());
    Map<String, String> expected = everyChart("true");
    expected.put("chart-engine", "empty");
    String dom = assertRenders(page.toUri().toString(), expected, "--host-resolver-rules=MAP * ~NOTFOUND");
    assertTrue(dom.contains("<caption>A: a</caption>") && dom.contains("<caption>B: b</caption>"),
        "a summary table per side");
  }

  @Test
  void livePage_twoSnapshotsSecondsApart_differAndBothShowData() throws Exception {
    Path run = copyFixture("live");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = procs.home().resolve("live-page.out");
    Process server = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp",
        RealProcesses.ROOT.resolve("rmi-client/target/rmi-client.jar") + ":"
            + RealProcesses.ROOT.resolve("rmi-client/target/lib") + "/*",
        LIVE_PAGE.toString(), run.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      String url = awaitUrl(server, out);
      Map<String, String> expected = everyChart("true");
      expected.put("chart-zipf", "empty");  // the Zipf check runs at the end of a run

      assertTwoSnapshotsDiffer(url, expected);
    } finally {
      server.descendants().forEach(ProcessHandle::destroyForcibly);
      server.destroyForcibly();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theCoordinatorsLivePage_twoSnapshotsDiffer_andItsReportOpensFromDiskWithNoNetwork() throws Exception {
    procs.close();
    procs = RealProcesses.start();
    Path runs = procs.home().resolve("runs");
    Process clients = procs.startScript("start-clients.sh", "--clients", "1", "--run-id", "page",
        "--runs-dir", runs.toString(), "--registry", procs.registry(), "--users", "20", "--rate", "40",
        "--duration", "14s", "--heap", "96m");
    try {
      Path out;
      try (Stream<Path> logs = Files.list(procs.home().resolve("logs"))) {
        out = logs.filter(f -> f.getFileName().toString().startsWith("start-clients.sh-")).findFirst()
            .orElseThrow();
      }
      String url = awaitUrl(clients, out);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      // The first seconds' line of the window may come before any client's second is merged;
      // wait for one with calls in it, as the page's charts need.
      while (!Pattern.compile("\\d+s measuring.*ALL [1-9]\\d* calls/s").matcher(Files.readString(out)).find()) {
        assertTrue(clients.isAlive() && System.nanoTime() < deadline, "no window: " + Files.readString(out));
        Thread.sleep(100);
      }
      Map<String, String> live = everyChart("true");
      live.put("chart-zipf", "empty"); // the Zipf check runs at the end of a run

      assertTwoSnapshotsDiffer(url, live);

      assertTrue(clients.waitFor(120, TimeUnit.SECONDS), "the run did not end: " + Files.readString(out));
      assertEquals(0, clients.exitValue(), Files.readString(out));
      Path report = runs.resolve("page/report.html");
      assertTrue(Files.readString(out).contains("report:  "), Files.readString(out));
      String dom = assertRenders(report.toUri().toString(), everyChart("true"),
          "--host-resolver-rules=MAP * ~NOTFOUND");
      assertTrue(dom.contains("data-state=\"finished\""), head(dom));
    } finally {
      clients.descendants().forEach(ProcessHandle::destroyForcibly);
      clients.destroyForcibly();
      clients.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Loads the live page at {@code url} twice, 3 s apart: both render {@code charts} while
   * measuring, and the second holds more seconds, more points and a page that redrew in place.
   */
  private void assertTwoSnapshotsDiffer(String url, Map<String, String> charts) throws Exception {
    String first = assertRenders(url, charts);
    Thread.sleep(3000);
    String second = assertRenders(url, charts);

    assertTrue(first.contains("data-state=\"measuring\""), head(first));
    int before = Integer.parseInt(attribute(first, "data-seconds"));
    int after = Integer.parseInt(attribute(second, "data-seconds"));
    assertTrue(after >= before + 2, "the view grew from " + before + " to " + after + " seconds");
    assertNotEquals(attribute(first, "data-points", "chart-throughput"),
        attribute(second, "data-points", "chart-throughput"), "the chart grew with the view");
    assertTrue(Integer.parseInt(attribute(second, "data-updates")) >= 2,
        "the page polled and redrew in place");
  }

  /** Returns the live page's URL once the server has printed it. */
  private static String awaitUrl(Process server, Path out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = Pattern.compile("live page: (http://\\S+)").matcher(Files.readString(out));
      if (m.find()) {
        return m.group(1);
      }
      if (!server.isAlive()) {
        throw new AssertionError("the live page's JVM ended: " + Files.readString(out));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the live page's JVM printed no URL in 60 s: " + Files.readString(out));
  }

  /** Loads {@code url}, asserts every chart's state and a clean console; returns the DOM. */
  private String assertRenders(String url, Map<String, String> charts, String... extra)
      throws Exception {
    Browser dump = chromium(url, Stream.concat(Stream.of(extra), Stream.of("--dump-dom"))
        .toArray(String[]::new));
    assertEquals(0, dump.exitCode, "chromium failed:\n" + dump.stderr);
    String dom = dump.stdout;
    assertTrue(dom.contains("data-checked=\"true\""), "the page did not render; DOM starts:\n" + head(dom));
    assertEquals("", errorsOf(dom), "the page reported errors");
    charts.forEach((id, state) -> assertEquals(state, attribute(dom, "data-rendered", id),
        id + "; the page's errors: " + errorsOf(dom)));
    List<String> console = dump.stderr.lines()
        .filter(line -> line.contains(":CONSOLE") || line.contains("Uncaught"))
        .toList();
    assertTrue(console.isEmpty(), "the page logged to the console:\n" + String.join("\n", console));
    return dom;
  }

  private static Map<String, String> everyChart(String state) {
    return CHART_IDS.stream().collect(Collectors.toMap(id -> id, id -> state, (x, y) -> x,
        java.util.LinkedHashMap::new));
  }

  /** Returns an attribute of the body, or of the element with {@code id}. */
  private static String attribute(String dom, String name, String... id) {
    Matcher element = Pattern.compile(id.length == 0 ? "<body[^>]*>" : "<[a-z]+ [^>]*id=\""
        + id[0] + "\"[^>]*>").matcher(dom);
    if (!element.find()) {
      return "(no element " + (id.length == 0 ? "body" : id[0]) + ")";
    }
    Matcher value = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(element.group());
    return value.find() ? value.group(1) : "(no " + name + ")";
  }

  /**
   * Appends the coordinator's four columns to the fixture's timeline.csv, with made-up values,
   * so that the engine's chart has data: the fixture predates them.
   */
  private static void appendCoordinatorColumns(Path timeline) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(timeline, StandardCharsets.UTF_8));
    lines.set(0, lines.get(0) + ",clients,engine_gc_ms,engine_cpu_pct,lag_p99_ms");
    for (int i = 1; i < lines.size(); i++) {
      int second = Integer.parseInt(lines.get(i).substring(0, lines.get(i).indexOf(',')));
      lines.set(i, lines.get(i) + ",2," + (second % 3 == 0 ? "6.500" : "0.000") + ","
          + (40 + second) + ".000,0.800");
    }
    Files.write(timeline, lines, StandardCharsets.UTF_8);
  }

  private Path copyFixture(String name) throws IOException {
    assertTrue(Files.isRegularFile(FIXTURE.resolve("merged.csv")), "no fixture at " + FIXTURE);
    Path target = procs.home().resolve(name);
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(FIXTURE)) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    return target;
  }

  private record Browser(int exitCode, String stdout, String stderr) {}

  private Browser chromium(String url, String... extra) throws IOException, InterruptedException {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    assertTrue(Files.isExecutable(chromium), "Chromium is not installed at " + chromium
        + ": install Debian's package (apt-get install -y chromium; .ci/run does) or set CHROMIUM");
    List<String> command = new ArrayList<>(List.of(chromium.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(procs.home(), "chromium-"),
        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"));
    command.addAll(List.of(extra));
    command.add(url);
    Path out = Files.createTempFile(procs.home(), "chromium", ".out");
    Path err = Files.createTempFile(procs.home(), "chromium", ".err");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!process.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("chromium did not finish within " + BROWSER_TIMEOUT_SECONDS
            + " s; its log: " + err);
      }
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    return new Browser(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static String errorsOf(String dom) {
    Matcher matcher = Pattern.compile("<pre id=\"page-errors\"[^>]*>([^<]*)</pre>").matcher(dom);
    return matcher.find() ? matcher.group(1) : "(no <pre id=\"page-errors\"> in the DOM)";
  }

  private static String head(String text) {
    return text.length() > 600 ? text.substring(0, 600) + "..." : text;
  }
}
