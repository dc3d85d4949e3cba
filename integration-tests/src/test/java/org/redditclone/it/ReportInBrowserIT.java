package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opens report.html (scripts/report.sh) and the comparison page (scripts/compare.sh --html) of a
 * small committed run in headless Chromium: every chart must render (the page's own script marks
 * each figure {@code data-rendered="true"} once its image has decoded) and the page must log
 * nothing to the console. Fails, rather than skips, without Chromium: CI installs it.
 */
final class ReportInBrowserIT {

  /** A real 10 s run of 2 clients, files of the merge (see its README.txt). */
  static final Path FIXTURE = RealProcesses.ROOT.resolve(
      "integration-tests/src/test/resources/org/redditclone/it/report-fixture");

  static final List<String> CHART_IDS =
      List.of("chart-throughput", "chart-latency", "chart-spectrum", "chart-online", "chart-zipf");

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
  void runReport_rendersEveryChartInChromium_withoutConsoleErrors() throws Exception {
    Path run = copyFixture("run");
    procs.script("report.sh", run.toString()).assertOk();
    Path page = run.resolve("report.html");
    String html = Files.readString(page);
    assertFalse(html.contains("http://") || html.contains("https://"),
        "the report refers to the network");

    assertRendersInChromium(page);

    Path screenshot = RealProcesses.ROOT.resolve("integration-tests/target/report-screenshot.png");
    Browser shot = chromium(page, "--hide-scrollbars", "--window-size=1400,3000",
        "--screenshot=" + screenshot);
    assertEquals(0, shot.exitCode, shot.stderr);
    byte[] png = Files.readAllBytes(screenshot);
    assertTrue(png.length > 50_000 && (png[0] & 0xff) == 0x89,
        "the screenshot " + screenshot + " is no real PNG (" + png.length + " bytes)");
  }

  @Test
  void comparisonPage_rendersEveryChartInChromium() throws Exception {
    Path a = copyFixture("a");
    Path b = copyFixture("b");
    Path page = procs.home().resolve("compare.html");
    RealProcesses.Result result =
        procs.script("compare.sh", "--html", page.toString(), a.toString(), b.toString()).assertOk();
    assertTrue(result.stdout().contains("throughput_per_s"), result.stdout());
    assertFalse(Pattern.compile("\\d+\\.\\d+% \\(p=").matcher(result.stdout()).find(),
        "a run compared with itself shows a significant change:\n" + result.stdout());
    assertRendersInChromium(page);
  }

  private void assertRendersInChromium(Path page) throws Exception {
    Browser dump = chromium(page, "--dump-dom");
    assertEquals(0, dump.exitCode, "chromium failed:\n" + dump.stderr);
    String dom = dump.stdout;
    assertTrue(dom.contains("<body data-checked=\"true\">"),
        "the page's script did not run; DOM starts:\n" + head(dom));
    for (String id : CHART_IDS) {
      assertTrue(Pattern.compile("<img id=\"" + id + "\"[^>]*data-rendered=\"true\"").matcher(dom).find(),
          id + " did not render; the page's errors: " + errorsOf(dom));
    }
    assertEquals("", errorsOf(dom), "the page reported errors");
    List<String> console = dump.stderr.lines()
        .filter(line -> line.contains(":CONSOLE") || line.contains("Uncaught"))
        .toList();
    assertTrue(console.isEmpty(), "the page logged to the console:\n" + String.join("\n", console));
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

  private Browser chromium(Path page, String... extra) throws IOException, InterruptedException {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    assertTrue(Files.isExecutable(chromium), "Chromium is not installed at " + chromium
        + ": install Debian's package (apt-get install -y chromium; .ci/run does) or set CHROMIUM");
    List<String> command = new ArrayList<>(List.of(chromium.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(procs.home(), "chromium-"),
        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"));
    command.addAll(List.of(extra));
    command.add(page.toUri().toString());
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
    var matcher = Pattern.compile("<pre id=\"errors\"[^>]*>([^<]*)</pre>").matcher(dom);
    return matcher.find() ? matcher.group(1) : "(no <pre id=\"errors\"> in the DOM)";
  }

  private static String head(String text) {
    return text.length() > 600 ? text.substring(0, 600) + "..." : text;
  }
}
