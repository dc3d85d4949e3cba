package org.redditclone.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.client.report.RunPage;
import org.redditclone.client.report.SyntheticRun;

final class CompareMainTest {

  @TempDir static Path tmp;
  static Path a;
  static Path b;

  @BeforeAll
  static void runs() throws Exception {
    a = SyntheticRun.create().seed(1).write(tmp.resolve("a"));
    b = SyntheticRun.create().seed(2).rateFactor(0.5).write(tmp.resolve("b"));
  }

  @Test
  void text_hasAHeaderATablePerFigureAndTheGeomean() {
    Result r = run(a.toString(), b.toString());
    assertEquals(0, r.status, r.err);
    assertTrue(r.out.startsWith("A: " + a + "\nB: " + b + "\n"), r.out);
    for (String header : List.of("throughput_per_s", "p50_ms", "p99_ms", "p999_ms", "error_pct")) {
      assertTrue(r.out.matches("(?s).*\\n" + header + " +A +B +delta\\n.*"), header + "\n" + r.out);
    }
    assertTrue(r.out.contains("warning: rate differs: A 140, B 70"), r.out);
    assertTrue(r.out.matches("(?s).*\\ngeomean +[0-9.]+ +[0-9.]+ +-[0-9.]+%\\n.*"), r.out);
    assertTrue(r.out.matches("(?s).*\\nALL +[0-9.]+ +[0-9.]+ +-[0-9.]+% \\(p=0\\.000 n=19\\+19\\)\\n.*"),
        r.out);
  }

  @Test
  void csv_hasTheExactHeaderAndALinePerOperationAndFigure() {
    Result r = run("--format", "csv", a.toString(), b.toString());
    assertEquals(0, r.status, r.err);
    List<String> lines = r.out.lines().toList();
    assertEquals("metric,op,a,b,change_pct,p_value,verdict,test,n_a,n_b", lines.get(0));
    // 5 operations + ALL + geomean, for each of 5 figures
    assertEquals(1 + 5 * 7, lines.size(), r.out);
    assertTrue(lines.stream().anyMatch(l -> l.matches(
        "throughput_per_s,ALL,[0-9.]+,[0-9.]+,-[0-9.]+,0\\.[0-9]+,significant,mann-whitney-seconds,19,19")),
        r.out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("p999_ms,feed,") && l.contains(",quantile-fisher-hlog,")),
        r.out);
    assertTrue(r.err.contains("warning: rate differs"), "warnings go to stderr: " + r.err);
  }

  @Test
  void markdown_isTablesWithAlignedNumbers() {
    Result r = run("--format=md", a.toString(), b.toString());
    assertEquals(0, r.status, r.err);
    assertTrue(r.out.contains("| throughput_per_s | A | B | delta |\n| --- | ---: | ---: | ---: |\n"),
        r.out);
    assertTrue(r.out.contains("> **warning:** rate differs"), r.out);
  }

  @Test
  void failOnRegression_exitsOneWhenASignificantDropExceedsIt() {
    assertEquals(1, run("--fail-on-regression", "20", a.toString(), b.toString()).status);
    assertEquals(0, run("--fail-on-regression", "80", a.toString(), b.toString()).status);
    assertEquals(0, run("--fail-on-regression", "5", a.toString(), a.toString()).status);
  }

  @Test
  void sidesSeparatedByDashes_takeSeveralRuns() {
    Result r = run(a.toString(), a.toString(), "--", b.toString(), b.toString());
    assertEquals(0, r.status, r.err);
    assertTrue(r.out.contains("(2 runs)"), r.out);
  }

  @Test
  void html_writesThePageWithAllCharts() throws Exception {
    Path page = tmp.resolve("compare.html");
    Result r = run("--html", page.toString(), a.toString(), b.toString());
    assertEquals(0, r.status, r.err);
    String html = Files.readString(page);
    for (String id : RunPage.CHART_IDS) {
      assertTrue(html.contains("<div class=\"chart\" id=\"" + id + "\">"), id);
    }
    assertTrue(html.contains("<table id=\"compare-throughput_per_s\">"));
    assertTrue(html.contains("{\"sides\":[{\"label\":\"A\",\"view\":{\"runId\":\"a\""), "side A's view");
    assertTrue(html.contains("{\"label\":\"B\",\"view\":{\"runId\":\"b\""), "side B's view");
  }

  @Test
  void badUsage_exitsTwoNamingTheArgument() {
    assertUsage("--format", run("--format", "xml", a.toString(), b.toString()));
    assertUsage("--fail-on-regression", run("--fail-on-regression", "lots", a.toString(), b.toString()));
    assertUsage("expected two runs", run(a.toString()));
    assertUsage("side B is empty", run(a.toString(), "--"));
    assertUsage("unknown option '--frobnicate'", run("--frobnicate", a.toString(), b.toString()));
    assertUsage("'" + tmp.resolve("missing") + "' is not a directory",
        run(a.toString(), tmp.resolve("missing").toString()));
    assertUsage("no merged.csv", run(a.toString(), tmp.toString()));
  }

  @Test
  void help_printsUsageAndExitsZero() {
    Result r = run("--help");
    assertEquals(0, r.status);
    assertTrue(r.out.contains("--fail-on-regression PCT"));
  }

  private static void assertUsage(String expected, Result r) {
    assertEquals(2, r.status, r.err);
    assertTrue(r.err.contains(expected), "stderr lacks '" + expected + "': " + r.err);
  }

  private record Result(int status, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = CompareMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
