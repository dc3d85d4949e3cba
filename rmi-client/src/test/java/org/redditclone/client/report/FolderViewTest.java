package org.redditclone.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.runfiles.RunColumns;
import org.redditclone.client.runfiles.RunFiles;

final class FolderViewTest {

  @Test
  void seconds_holdEveryOperationAndAll_whoseCountsAddUpToMergedCsv(@TempDir Path tmp) throws Exception {
    RunView view = FolderView.read(SyntheticRun.create().write(tmp.resolve("run-1")));
    assertEquals("run-1", view.runId());
    assertEquals(FolderView.FINISHED, view.state());
    assertEquals(20, view.seconds().size());
    long all = 0;
    long allErrors = 0;
    for (RunView.Second second : view.seconds()) {
      RunView.OpSecond total = second.ops().get(RunColumns.ALL);
      long sum = second.ops().entrySet().stream().filter(e -> !e.getKey().equals(RunColumns.ALL))
          .mapToLong(e -> e.getValue().count()).sum();
      assertEquals(sum, total.count(), "second " + second.second());
      assertEquals(6, second.ops().size(), "5 operations and ALL");
      all += total.count();
      allErrors += total.errors();
    }
    SummaryRow merged = view.summary().get(view.summary().size() - 1);
    assertEquals(RunColumns.ALL, merged.op());
    assertEquals(merged.count(), all);
    assertEquals(merged.errors(), allErrors);
    assertEquals(merged.errors(), view.errors().stream().mapToLong(RunView.ErrorCount::count).sum());
  }

  @Test
  void theCoordinatorsColumns_areRead_andALaggingSecondIsNoted(@TempDir Path tmp) throws Exception {
    RunView view = FolderView.read(SyntheticRun.create().write(tmp.resolve("run-1")));
    RunView.Second s0 = view.seconds().get(0);
    assertEquals(2, s0.clients());
    assertEquals(12.5, s0.engineGcMillis());
    assertEquals(40.0, s0.engineCpuPercent());
    assertEquals(0.5, s0.lagP99Millis());
    assertEquals(15.0, view.seconds().get(3).lagP99Millis());
    assertTrue(view.notes().stream().anyMatch(n -> n.contains("exceeded 10 ms in 1 of 20 seconds")),
        view.notes().toString());
  }

  @Test
  void aTimelineFromBeforeTheCoordinator_leavesItsFiguresUnknown(@TempDir Path tmp) throws Exception {
    RunView view = FolderView.read(
        SyntheticRun.create().withoutCoordinatorColumns().write(tmp.resolve("old")));
    assertEquals(20, view.seconds().size());
    for (RunView.Second second : view.seconds()) {
      assertEquals(-1, second.clients());
      assertTrue(Double.isNaN(second.engineGcMillis()));
      assertTrue(Double.isNaN(second.engineCpuPercent()));
      assertTrue(Double.isNaN(second.lagP99Millis()));
      assertTrue(second.usersOnline() > 0);
    }
    assertTrue(view.notes().isEmpty(), view.notes().toString());
  }

  @Test
  void spectrum_comesFromTheIntervalLogs_andAgreesWithMergedCsv(@TempDir Path tmp) throws Exception {
    RunView view = FolderView.read(SyntheticRun.create().write(tmp.resolve("run-1")));
    double[] all = view.spectrum().get(RunColumns.ALL);
    assertEquals(RunView.PERCENTILES.length, all.length);
    for (int i = 1; i < all.length; i++) {
      assertTrue(all[i] >= all[i - 1], "the spectrum rises: " + java.util.Arrays.toString(all));
    }
    SummaryRow merged = view.summary().get(view.summary().size() - 1);
    assertEquals(merged.p50Nanos() / 1e6, all[java.util.Arrays.binarySearch(RunView.PERCENTILES, 50)], 0.0005);
    assertEquals(merged.p999Nanos() / 1e6, all[java.util.Arrays.binarySearch(RunView.PERCENTILES, 99.9)], 0.0005);
    assertEquals(merged.maxNanos() / 1e6, all[all.length - 1], 0.0005);
    assertEquals(6, view.spectrum().size(), "5 operations and ALL");
  }

  @Test
  void aSideOfSeveralRuns_sumsTheirSpectrum_butShowsTheFirstRunsSeconds(@TempDir Path tmp) throws Exception {
    RunDir fast = RunDir.read(SyntheticRun.create().seconds(10).write(tmp.resolve("fast")));
    RunDir slow = RunDir.read(SyntheticRun.create().seconds(12).seed(2).medianMillis(50)
        .write(tmp.resolve("slow")));
    RunView both = FolderView.of(List.of(fast, slow));
    RunView alone = FolderView.of(List.of(fast));
    assertEquals(10, both.seconds().size());
    int p99 = java.util.Arrays.binarySearch(RunView.PERCENTILES, 99);
    assertTrue(both.spectrum().get(RunColumns.ALL)[p99] > 5 * alone.spectrum().get(RunColumns.ALL)[p99],
        "the slow run's calls are in the sum");
  }

  @Test
  void zipf_isReadAndFitted(@TempDir Path tmp) throws Exception {
    RunView view = FolderView.read(SyntheticRun.create().write(tmp.resolve("run-1")));
    assertEquals(30, view.zipf().size());
    assertEquals(1.0, view.zipfFit().exponent(), 0.15);
    assertEquals("1.0", view.config().get("zipf.exponent"));
    RunView none = FolderView.read(SyntheticRun.create().withoutZipf().write(tmp.resolve("none")));
    assertTrue(none.zipf().isEmpty());
    assertTrue(Double.isNaN(none.zipfFit().exponent()));
  }

  @Test
  void thresholds_areReadFromThresholdsTxt(@TempDir Path tmp) throws Exception {
    Path dir = SyntheticRun.create()
        .threshold("ALL.p99<100ms PASS 4.200ms")
        .threshold("")
        .threshold("post.error_rate<0.1% FAIL 1.200%")
        .write(tmp.resolve("run-1"));
    assertEquals(List.of(
            new RunView.Threshold("ALL.p99<100ms", "PASS", "4.200ms"),
            new RunView.Threshold("post.error_rate<0.1%", "FAIL", "1.200%")),
        FolderView.read(dir).thresholds());
    assertTrue(FolderView.read(SyntheticRun.create().write(tmp.resolve("none"))).thresholds().isEmpty());
  }

  @Test
  void aMalformedThresholdLine_isAnErrorNamingTheFileAndLine(@TempDir Path tmp) throws Exception {
    Path dir = SyntheticRun.create().threshold("ALL.p99<1s PASS 3ms").threshold("ALL.p50<1s 2ms")
        .write(tmp.resolve("run-1"));
    IOException e = assertThrows(IOException.class, () -> FolderView.read(dir));
    assertTrue(e.getMessage().contains(RunFiles.THRESHOLDS_TXT + " line 2 'ALL.p50<1s 2ms' has 2 fields"),
        e.getMessage());
  }

  @Test
  void clients_takeTheirStateFromTheirPropertiesAndRunProperties(@TempDir Path tmp) throws Exception {
    Path dir = SyntheticRun.create().config("steady.started.epoch_ms", "1700001000000")
        .config("missing.clients", "2").write(tmp.resolve("run-1"));
    Files.writeString(dir.resolve(RunFiles.clientProperties(1)), "status=finished\nusers=100\n"
        + "steady.started.epoch_ms=1700001002500\nsteady.actual.s=7.2\n");
    List<RunView.Client> clients = FolderView.read(dir).clients();
    assertEquals(List.of(new RunView.Client(1, "", "finished", 100, 2, 9),
        new RunView.Client(2, "", "lost", 100, -1, -1)), clients);
    assertTrue(FolderView.read(dir).notes().contains("clients that did not finish: 2"));
  }

  @Test
  void aFolderWithoutMergedCsv_isNoRun(@TempDir Path tmp) {
    IOException e = assertThrows(IOException.class, () -> FolderView.read(tmp));
    assertTrue(e.getMessage().contains("no merged.csv"), e.getMessage());
  }
}
