package org.redditclone.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.client.runfiles.RunFiles;

final class ReportPageTest {

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void report_containsEveryChartIdAsAnInlinePngInAFigure(@TempDir Path tmp) throws Exception {
    Path dir = SyntheticRun.create().write(tmp.resolve("run-1"));
    Path page = ReportPage.writeRun(RunDir.read(dir), dir.resolve(RunFiles.REPORT_HTML));
    String html = Files.readString(page);
    for (String id : ReportPage.CHART_IDS) {
      Matcher img = Pattern.compile("<figure[^>]*>\\s*<img id=\"" + id
          + "\"[^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
      assertTrue(img.find(), id + " is not an inline PNG in a figure");
      byte[] png = java.util.Base64.getDecoder().decode(img.group(1));
      assertEquals(0x89, png[0] & 0xff, id + " is not a PNG");
      assertTrue(png.length > 2000, id + " is a suspiciously small image: " + png.length + " bytes");
    }
    assertEquals(ReportPage.CHART_IDS.size(), count(html, "<figcaption>"));
  }

  @Test
  void report_referencesNothingOnTheNetwork(@TempDir Path tmp) throws Exception {
    Path dir = SyntheticRun.create().write(tmp.resolve("run-1"));
    String html = Files.readString(ReportPage.writeRun(RunDir.read(dir), tmp.resolve("r.html")));
    assertFalse(html.contains("http://"), "the page refers to http://");
    assertFalse(html.contains("https://"), "the page refers to https://");
    assertFalse(Pattern.compile("<(script|link|img)[^>]+(src|href)=\"(?!data:)").matcher(html).find(),
        "the page loads a file");
  }

  @Test
  void report_holdsTheMergedTableAndTheConfiguration(@TempDir Path tmp) throws Exception {
    Path dir = SyntheticRun.create().config("host", "bench<1>").write(tmp.resolve("run-7"));
    String html = Files.readString(ReportPage.writeRun(RunDir.read(dir), tmp.resolve("r.html")));
    assertTrue(html.contains("<table id=\"merged\">"));
    assertTrue(html.contains("<th class=\"num\">p999_ms</th>"));
    assertTrue(html.contains("<td>vote_post</td>"));
    assertTrue(html.contains("<td>ALL</td>"));
    assertTrue(html.contains("bench&lt;1&gt;"), "config values are escaped");
    assertTrue(html.contains("<h1>Run run-7</h1>"));
  }

  @Test
  void report_withoutZipfOrLogs_stillShowsAllFiveFigures(@TempDir Path tmp) throws Exception {
    Path dir = SyntheticRun.create().withoutZipf().write(tmp.resolve("run-1"));
    try (var logs = Files.list(dir)) {
      for (Path log : logs.filter(f -> f.toString().endsWith(".hlog")).toList()) {
        Files.delete(log);
      }
    }
    String html = Files.readString(ReportPage.writeRun(RunDir.read(dir), tmp.resolve("r.html")));
    for (String id : ReportPage.CHART_IDS) {
      assertTrue(html.contains("<img id=\"" + id + "\""), id);
    }
    assertTrue(html.contains("No zipf.csv"));
    assertTrue(html.contains("No interval logs"));
  }

  @Test
  void main_writesReportHtmlIntoTheRunDirectory(@TempDir Path tmp) throws Exception {
    Path dir = SyntheticRun.create().write(tmp.resolve("run-1"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ReportMain.run(new String[] {dir.toString()}, print(out), print(err));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertTrue(Files.size(dir.resolve("report.html")) > 10_000);
  }

  @Test
  void main_withAMissingDirectory_exitsTwoNamingIt(@TempDir Path tmp) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ReportMain.run(new String[] {tmp.resolve("nope").toString()},
        print(new ByteArrayOutputStream()), print(err));
    assertEquals(2, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("RUN_DIR '"), err.toString());
  }

  @Test
  void main_withADirectoryThatIsNoRun_exitsOne(@TempDir Path tmp) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ReportMain.run(new String[] {tmp.toString()}, print(new ByteArrayOutputStream()),
        print(err));
    assertEquals(1, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no merged.csv"), err.toString());
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
