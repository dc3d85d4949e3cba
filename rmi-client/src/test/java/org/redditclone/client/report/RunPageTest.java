package org.redditclone.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunPageTest {

  private static final Pattern DATA = Pattern.compile(
      "<script type=\"application/json\" id=\"run-data\">(.*?)</script>", Pattern.DOTALL);

  @Test
  void report_embedsTheViewAsJson_andHasAnElementForEveryChart(@TempDir Path tmp) throws Exception {
    RunView view = FolderView.read(SyntheticRun.create().write(tmp.resolve("run-1")));
    String html = RunPage.report(view);
    Matcher data = DATA.matcher(html);
    assertTrue(data.find(), "no embedded data");
    assertEquals(RunViewJson.of(view), data.group(1));
    for (String id : RunPage.CHART_IDS) {
      assertTrue(html.contains("<div class=\"chart\" id=\"" + id + "\"></div>"), id);
    }
    assertTrue(html.contains("<body data-source=\"\">"), "a report polls nothing");
    assertTrue(html.contains("var uPlot="), "uPlot is inlined");
    assertTrue(html.contains("Copyright (c) 2022 Leon Sorokin"), "uPlot's licence goes with it");
  }

  @Test
  void report_loadsNothing_andItsPolicyForbidsLoading(@TempDir Path tmp) throws Exception {
    String html = RunPage.report(FolderView.read(SyntheticRun.create().write(tmp.resolve("r"))));
    assertFalse(Pattern.compile("<(script|link|img|iframe)[^>]+(src|href)=", Pattern.CASE_INSENSITIVE)
        .matcher(html).find(), "the page loads a file");
    assertFalse(Pattern.compile("url\\(|@import", Pattern.CASE_INSENSITIVE).matcher(html).find(),
        "the style loads a file");
    assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\""
        + RunPage.POLICY + "\">"));
    assertTrue(RunPage.POLICY.startsWith("default-src 'none';"));
  }

  @Test
  void aViewCannotEndItsScript_orFillAPlaceholder() {
    String nasty = "</script><script>alert(1)</script>{{uplot-js}}{{data}}";
    RunView view = RunViewJsonTest.empty(nasty, Map.of(nasty, nasty), List.of(nasty));
    String html = RunPage.report(view);
    assertEquals(count(html, "<script"), count(html, "</script>"), "every script ends where it should");
    assertEquals(1, count(html, "var uPlot="), "a placeholder in the data is left alone");
    assertTrue(html.contains("<title>Run &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
  }

  @Test
  void comparison_embedsEverySideAndTheCallersTables(@TempDir Path tmp) throws Exception {
    RunView a = FolderView.read(SyntheticRun.create().write(tmp.resolve("a")));
    RunView b = FolderView.read(SyntheticRun.create().seed(2).write(tmp.resolve("b")));
    String html = RunPage.comparison("A <vs> B", "<table id=\"compare-x\"></table>",
        List.of(new RunViewJson.Labelled("A", a), new RunViewJson.Labelled("B", b)));
    assertTrue(html.contains("<table id=\"compare-x\"></table>"));
    assertTrue(html.contains("<h1 id=\"title\">A &lt;vs&gt; B</h1>"));
    Matcher data = DATA.matcher(html);
    assertTrue(data.find());
    List<Object> sides = Json.array(Json.object(Json.parse(data.group(1))).get("sides"));
    assertEquals(2, sides.size());
  }

  @Test
  void live_pollsTheViewAndEmbedsNone() {
    String html = RunPage.live("view.json");
    assertTrue(html.contains("<body data-source=\"view.json\">"));
    Matcher data = DATA.matcher(html);
    assertTrue(data.find());
    assertEquals("", data.group(1));
  }

  @Test
  void main_writesReportHtmlIntoTheRunDirectory(@TempDir Path tmp) throws Exception {
    Path dir = SyntheticRun.create().write(tmp.resolve("run-1"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ReportMain.run(new String[] {dir.toString()}, print(out), print(err));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("\"runId\":\"run-1\""), "the run's view is in the page");
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
