package org.redditclone.client.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.client.runfiles.RunColumns;

final class ClientMetricsTest {

  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path dir;

  private final AtomicLong clock = new AtomicLong(T0);

  @Test
  void phases_areSplitAtBeginSteadyPhaseIntoTheirOwnFiles() throws IOException {
    ClientMetrics metrics = ClientMetrics.create(7, dir, clock::get, false);
    metrics.recordSuccess(Op.REGISTER, 2_000_000);
    metrics.recordSuccess(Op.REGISTER, 4_000_000);
    metrics.recordError(Op.CREATE_SUBREDDIT, "AlreadyExistsException", 1_000_000);
    assertEquals(2, metrics.totalSuccesses());
    clock.addAndGet(2_000);
    metrics.beginSteadyPhase();
    assertEquals(0, metrics.totalSuccesses());

    metrics.setUsersOnline(5);
    metrics.recordSuccess(Op.POST, 3_000_000);
    clock.addAndGet(1_000);
    metrics.tick();
    metrics.setUsersOnline(6);
    metrics.recordSuccess(Op.POST, 5_000_000);
    metrics.recordError(Op.VOTE_POST, "NotFoundException", 500_000);
    clock.addAndGet(1_000);
    metrics.close();
    metrics.close(); // idempotent

    // HdrHistogram reports the top of a value's bucket: 2 ms shows as 2.001 ms (within 0.1%).
    assertEquals(List.of(RunColumns.header(RunColumns.Summary.values()),
            "register,2,0,1.000,3.001,2.001,4.002,4.002,4.002,4.002",
            "create_subreddit,0,1,0.000,NaN,NaN,NaN,NaN,NaN,NaN",
            "ALL,2,1,1.000,3.001,2.001,4.002,4.002,4.002,4.002"),
        lines("client-7.setup.csv"));
    assertEquals(List.of(RunColumns.header(RunColumns.Summary.values()),
            "post,2,0,1.000,3.999,3.000,5.001,5.001,5.001,5.001",
            "vote_post,0,1,0.000,NaN,NaN,NaN,NaN,NaN,NaN",
            "ALL,2,1,1.000,3.999,3.000,5.001,5.001,5.001,5.001"),
        lines("client-7.csv"));
    assertEquals(List.of(RunColumns.header(RunColumns.Errors.values()),
            "setup,create_subreddit,AlreadyExistsException,1",
            "steady,vote_post,NotFoundException,1"),
        lines("client-7.errors.csv"));
    assertEquals(List.of(RunColumns.header(RunColumns.Online.values()), (T0 + 3_000) + ",5,NaN", (T0 + 4_000) + ",6,NaN"),
        lines("client-7.online.csv"));
  }

  @Test
  void steadyLog_holdsOneTaggedIntervalPerOpAndSecondWithAbsoluteTimes() throws IOException {
    ClientMetrics metrics = ClientMetrics.create(1, dir, clock::get, false);
    metrics.beginSteadyPhase();
    metrics.recordSuccess(Op.FEED, 1_000_000);
    metrics.recordError(Op.FEED, "ConnectException", 1_000_000);
    clock.addAndGet(1_000);
    metrics.tick();
    clock.addAndGet(1_000);
    metrics.tick(); // nothing recorded: no interval
    metrics.recordSuccess(Op.FEED, 1_000_000);
    clock.addAndGet(400);
    metrics.close();

    HistogramLogReader reader = new HistogramLogReader(dir.resolve("client-1.hlog").toFile());
    List<String> seen = new java.util.ArrayList<>();
    for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
      seen.add(h.getTag() + "@" + (h.getStartTimeStamp() - T0) + ".." + (h.getEndTimeStamp() - T0));
    }
    assertEquals(List.of("feed@0..1000", "feed.error@0..1000", "feed@2000..2400"), seen);
    assertTrue(Files.readString(dir.resolve("client-1.hlog")).contains("#[BaseTime: 1700000000.000"));
  }

  @Test
  void aLabelledSteadyPhase_namesItsSecondsFromTheLabel_endsAtItsPlannedEnd_andHandsEachOnWithItsLag()
      throws IOException {
    ClientMetrics metrics = ClientMetrics.create(5, dir, clock::get, false);
    List<String> heard = new java.util.ArrayList<>();
    metrics.setIntervalListener((start, end, histograms, online, lagP99) -> heard.add((start - T0) + ".."
        + (end - T0) + " " + histograms.keySet() + " online=" + online + " lag=" + Latencies.millis(lagP99)));
    metrics.recordLag(900_000_000); // during the setup: not the steady phase's lag
    long window = T0 + 60_000; // the coordinator's clock, far from this client's
    metrics.beginSteadyPhase(window, window + 2_500);
    metrics.setUsersOnline(3);
    metrics.recordSuccess(Op.POST, 1_000_000);
    for (int i = 1; i <= 100; i++) {
      metrics.recordLag(i * 100_000L); // 0.1 .. 10 ms
    }
    clock.addAndGet(1_020); // a drain that runs late keeps its label
    metrics.tick();
    clock.addAndGet(1_000);
    metrics.recordError(Op.POST, "ConnectException", 1_000_000);
    metrics.tick();
    clock.addAndGet(1_000);
    metrics.tick(); // would end past the planned end: left to the last drain
    metrics.recordSuccess(Op.FEED, 1_000_000); // a late call of the drain
    metrics.close();

    assertEquals(List.of("60000..61000 [post] online=3 lag=9.904", "61000..62000 [post.error] online=3 lag=NaN",
        "62000..62500 [feed] online=3 lag=NaN"), heard);
    assertEquals(List.of(RunColumns.header(RunColumns.Online.values()), (window + 1000) + ",3,9.904",
        (window + 2000) + ",3,NaN", (window + 2500) + ",3,NaN"), lines("client-5.online.csv"));
    assertTrue(Files.readString(dir.resolve("client-5.hlog")).contains("#[StartTime: 1700000060.000"));
    assertTrue(lines("client-5.csv").get(1).startsWith("post,1,1,0.400,"), lines("client-5.csv").toString());
  }

  @Test
  void recording_fromManyThreadsLosesNothing() throws Exception {
    ClientMetrics metrics = ClientMetrics.create(2, dir, clock::get, false);
    metrics.beginSteadyPhase();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < 8; t++) {
      pool.execute(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        for (int i = 0; i < 10_000; i++) {
          metrics.recordSuccess(Op.values()[i % Op.values().length], i * 1_000L);
        }
      });
    }
    start.countDown();
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    assertEquals(80_000, metrics.totalSuccesses());
    clock.addAndGet(1_000);
    metrics.close();
    List<String> summary = lines("client-2.csv");
    String all = summary.get(summary.size() - 1);
    assertTrue(all.startsWith("ALL,80000,0,80000.000,"), all);
  }

  @Test
  void close_withoutASteadyPhaseWritesTheSetupSummaryAndAnEmptySteadyOne() throws IOException {
    ClientMetrics metrics = ClientMetrics.create(3, dir, clock::get, false);
    metrics.recordSuccess(Op.LOGIN, 0);
    clock.addAndGet(1_000);
    metrics.close();
    assertEquals("login,1,0,1.000,0.000,0.000,0.000,0.000,0.000,0.000",
        lines("client-3.setup.csv").get(1));
    assertEquals(List.of(RunColumns.header(RunColumns.Summary.values()), "ALL,0,0,NaN,NaN,NaN,NaN,NaN,NaN,NaN"),
        lines("client-3.csv"));
    assertFalse(Files.exists(dir.resolve("client-3.hlog")));
    assertThrows(IllegalStateException.class, metrics::beginSteadyPhase);
  }

  @Test
  void setUsersOnline_rejectsANegativeCount() throws IOException {
    try (ClientMetrics metrics = ClientMetrics.create(4, dir, clock::get, false)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> metrics.setUsersOnline(-1));
      assertEquals("online is -1; it cannot be negative", e.getMessage());
    }
  }

  private List<String> lines(String name) throws IOException {
    return Files.readAllLines(dir.resolve(name));
  }
}
