package org.redditclone.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.client.report.RunDir;
import org.redditclone.client.report.SyntheticRun;
import org.redditclone.client.runfiles.RunColumns;

final class ComparisonTest {

  @TempDir Path tmp;

  @Test
  void aRunComparedWithItself_showsNoSignificantChange() throws IOException {
    RunDir run = RunDir.read(SyntheticRun.create().write(tmp.resolve("a")));
    Comparison c = compare(List.of(run), List.of(run));
    for (Comparison.Row row : c.rows()) {
      for (Metric metric : Metric.values()) {
        Cell cell = row.cell(metric);
        assertNotEquals(Significance.Verdict.SIGNIFICANT, cell.significance().verdict(0.05),
            row.op() + " " + metric);
        assertEquals(0.0, cell.change(), 1e-9, row.op() + " " + metric);
      }
    }
    assertEquals(Significance.Test.SECONDS, c.rows().get(0).cell(Metric.P50).significance().test());
    assertEquals(Significance.Test.QUANTILE, c.rows().get(0).cell(Metric.P999).significance().test());
    assertTrue(c.regressions(0).isEmpty());
  }

  @Test
  void twoRunsOfOneConfiguration_showNoSignificantThroughputChange() throws IOException {
    RunDir a = RunDir.read(SyntheticRun.create().seed(1).write(tmp.resolve("a")));
    RunDir b = RunDir.read(SyntheticRun.create().seed(2).write(tmp.resolve("b")));
    Comparison c = compare(List.of(a), List.of(b));
    Cell all = row(c, RunColumns.ALL).cell(Metric.THROUGHPUT);
    assertEquals(Significance.Verdict.NOT_SIGNIFICANT, all.significance().verdict(0.05), "" + all);
    assertEquals(Significance.Verdict.NOT_SIGNIFICANT,
        row(c, RunColumns.ALL).cell(Metric.P50).significance().verdict(0.05));
  }

  @Test
  void halfTheRate_showsTheThroughputDropAsSignificant() throws IOException {
    RunDir a = RunDir.read(SyntheticRun.create().seed(1).write(tmp.resolve("a")));
    RunDir b = RunDir.read(SyntheticRun.create().seed(2).rateFactor(0.5).write(tmp.resolve("b")));
    Comparison c = compare(List.of(a), List.of(b));
    for (String op : List.of("feed", "vote_post", RunColumns.ALL)) {
      Cell cell = row(c, op).cell(Metric.THROUGHPUT);
      assertEquals(Significance.Verdict.SIGNIFICANT, cell.significance().verdict(0.05), op);
      assertEquals(-50, cell.change(), 8, op);
    }
    assertFalse(c.regressions(20).isEmpty());
    assertTrue(c.regressions(60).isEmpty(), "" + c.regressions(60));
    assertTrue(c.config().warnings().stream().anyMatch(w -> w.startsWith("rate differs")),
        "" + c.config().warnings());
  }

  @Test
  void halfTheRate_withTheSameLatencies_showsNoSignificantTailChange() throws IOException {
    RunDir a = RunDir.read(SyntheticRun.create().seed(1).write(tmp.resolve("a")));
    RunDir b = RunDir.read(SyntheticRun.create().seed(3).rateFactor(0.5).write(tmp.resolve("b")));
    Comparison c = compare(List.of(a), List.of(b));
    for (Comparison.Row row : c.rows()) {
      for (Metric metric : List.of(Metric.P50, Metric.P99, Metric.P999)) {
        assertNotEquals(Significance.Verdict.SIGNIFICANT,
            row.cell(metric).significance().verdict(0.05), row.op() + " " + metric);
      }
    }
  }

  @Test
  void slowerLatency_isSignificantInP50P99AndP999() throws IOException {
    RunDir a = RunDir.read(SyntheticRun.create().seed(1).write(tmp.resolve("a")));
    RunDir b = RunDir.read(SyntheticRun.create().seed(2).medianMillis(4).write(tmp.resolve("b")));
    Comparison c = compare(List.of(a), List.of(b));
    for (Metric metric : List.of(Metric.P50, Metric.P99, Metric.P999)) {
      Cell cell = row(c, RunColumns.ALL).cell(metric);
      assertEquals(Significance.Verdict.SIGNIFICANT, cell.significance().verdict(0.05),
          metric + " " + cell);
      assertTrue(cell.change() > 50, metric + " " + cell.change());
    }
  }

  @Test
  void fiveRunsASide_areTestedOverTheRunsFigures() throws IOException {
    List<RunDir> a = new ArrayList<>();
    List<RunDir> b = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      a.add(RunDir.read(SyntheticRun.create().seconds(5).seed(i).write(tmp.resolve("a" + i))));
      b.add(RunDir.read(SyntheticRun.create().seconds(5).seed(10 + i).rateFactor(0.5)
          .write(tmp.resolve("b" + i))));
    }
    Comparison c = compare(a, b);
    Cell cell = row(c, RunColumns.ALL).cell(Metric.THROUGHPUT);
    assertEquals(Significance.Test.RUNS, cell.significance().test());
    assertEquals(5, cell.significance().nA());
    assertEquals(Significance.Verdict.SIGNIFICANT, cell.significance().verdict(0.05));
  }

  @Test
  void geomean_isTheGeometricMeanOverOperationsWithoutAll() {
    List<Comparison.Row> rows = List.of(
        row("feed", 10, 20), row("post", 40, 80), row(RunColumns.ALL, 1000, 1));
    Comparison.Row g = Comparison.geomean(rows);
    assertEquals(20, g.cell(Metric.THROUGHPUT).a(), 1e-9);
    assertEquals(40, g.cell(Metric.THROUGHPUT).b(), 1e-9);
    assertEquals(100, g.cell(Metric.THROUGHPUT).change(), 1e-9);
    assertEquals(Significance.Verdict.UNTESTED, g.cell(Metric.THROUGHPUT).significance().verdict(0.05));
  }

  @Test
  void geomean_leavesOutOperationsWithAZero() {
    List<Comparison.Row> rows = List.of(row("feed", 0, 5), row("post", 4, 9));
    Comparison.Row g = Comparison.geomean(rows);
    assertEquals(4, g.cell(Metric.THROUGHPUT).a(), 1e-9);
    assertEquals(9, g.cell(Metric.THROUGHPUT).b(), 1e-9);
  }

  @Test
  void median_ofEvenAndOddCounts() {
    assertEquals(2, Comparison.median(new double[] {3, 1, 2}));
    assertEquals(2.5, Comparison.median(new double[] {4, 1, 2, 3}));
    assertEquals(Double.NaN, Comparison.median(new double[0]));
  }

  @Test
  void configDifferences_areWarnedAbout_andVersionsToo() throws IOException {
    RunDir a = RunDir.read(SyntheticRun.create().config("engine.version", "1").config("host", "x")
        .config("users.client.1", "200").write(tmp.resolve("a")));
    RunDir b = RunDir.read(SyntheticRun.create().seed(3).rateFactor(2).config("engine.version", "2")
        .config("host", "y").config("consistency", "FAIL").config("users.total", "400")
        .config("users.client.1", "100").write(tmp.resolve("b")));
    List<String> warnings = compare(List.of(a), List.of(b)).config().warnings();
    assertTrue(warnings.contains("users.total differs: A 200, B 400"), "" + warnings);
    assertTrue(warnings.contains("seed.client.1 differs: A 1, B 3"), "" + warnings);
    assertTrue(warnings.contains("users.client.1 differs: A 200, B 100"), "" + warnings);
    assertTrue(warnings.contains("engine.version differs: A 1, B 2"), "" + warnings);
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("rate differs")), "" + warnings);
    assertTrue(warnings.stream().anyMatch(w -> w.contains("consistency=FAIL")), "" + warnings);
    assertFalse(warnings.stream().anyMatch(w -> w.startsWith("host")), "host may differ");
    assertFalse(warnings.stream().anyMatch(w -> w.startsWith("clients")), "" + warnings);
  }

  private Comparison compare(List<RunDir> a, List<RunDir> b) throws IOException {
    return Comparison.of(new Side("A", a), new Side("B", b), 0.05);
  }

  private static Comparison.Row row(Comparison c, String op) {
    return c.rows().stream().filter(r -> r.op().equals(op)).findFirst().orElseThrow();
  }

  private static Comparison.Row row(String op, double a, double b) {
    Map<Metric, Cell> cells = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      cells.put(metric, new Cell(metric, a, b, Significance.untested(1, 1)));
    }
    return new Comparison.Row(op, cells);
  }
}
