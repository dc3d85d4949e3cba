package org.redditclone.client.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.AlreadyExistsException;
import org.redditclone.api.ClientJoin;
import org.redditclone.api.ClientPhase;
import org.redditclone.api.ClientReport;
import org.redditclone.api.FileChunk;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.RedditException;
import org.redditclone.api.RunClock;
import org.redditclone.client.metrics.HistogramBytes;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.report.RunView;

/** The coordinator's decisions, with clients played by the test: ids, uploads, aborts, the live view. */
final class CoordinatorTest {

  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path runDir;

  private final AtomicLong now = new AtomicLong(T0);

  private Coordinator coordinator(String... more) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("--run-dir", runDir.toString(), "--registry", "127.0.0.1:1"));
    args.addAll(List.of(more));
    return new Coordinator(CoordinatorOptions.parse(args.toArray(String[]::new)), new RunFolder(runDir), now::get);
  }

  @Test
  void abortOnFail_endsTheRun_onceAThresholdFailsOverTenSecondsOfTheWindow() throws Exception {
    Coordinator run = coordinator("--duration", "60s", "--threshold", "ALL.p99<1ms", "--abort-on-fail");
    run.join(new ClientJoin(1, "h", 5));
    run.report(new ClientReport(1, ClientPhase.WARMING_UP, 5, List.of()));
    now.set(run.window.start());
    assertEquals(0, run.report(new ClientReport(1, ClientPhase.MEASURING, 5, List.of())).startsInMillis());
    for (int second = 0; second < 10; second++) {
      now.addAndGet(1000);
      RunClock clock = run.report(new ClientReport(1, ClientPhase.MEASURING, 5, List.of(second(second, 5_000_000))));
      run.tick(now.get());
      assertEquals(second == 9, run.window.stopped(), "after second " + second);
      assertFalse(clock.stop());
    }
    assertTrue(run.abortReason.contains("threshold ALL.p99<1ms failed (5.001ms)"), run.abortReason);
    assertTrue(run.report(new ClientReport(1, ClientPhase.MEASURING, 5, List.of())).stop(), "the client is told");
    assertTrue(run.takeEvents().contains("run stopped: aborted: threshold ALL.p99<1ms failed (5.001ms)"));
    assertFalse(run.finished(now.get()), "the client has not delivered yet");
    run.report(new ClientReport(1, ClientPhase.STOPPED, 5, List.of()));
    assertTrue(run.finished(now.get()));
    RunView view = new LiveView(run).get();
    assertEquals("aborted", view.state());
    assertEquals(List.of(new RunView.Threshold("ALL.p99<1ms", "FAIL", "5.001ms")), view.thresholds());
    assertEquals(10, view.seconds().size());
    assertEquals(List.of(new RunView.ErrorCount("steady", "post", "ConnectException", 10)), view.errors());
  }

  @Test
  void withoutAbortOnFail_aFailingThresholdLetsTheRunGoOn() throws Exception {
    Coordinator run = coordinator("--duration", "60s", "--threshold", "ALL.p99<1ms");
    run.join(new ClientJoin(1, "h", 5));
    run.report(new ClientReport(1, ClientPhase.WARMING_UP, 5, List.of()));
    now.set(run.window.start());
    run.report(new ClientReport(1, ClientPhase.MEASURING, 5, List.of()));
    for (int second = 0; second < 12; second++) {
      run.report(new ClientReport(1, ClientPhase.MEASURING, 5, List.of(second(second, 5_000_000))));
    }
    run.tick(now.get() + 12_000);
    assertFalse(run.window.stopped());
    assertEquals("ALL.p99<1ms FAIL 5.001ms", run.verdicts().get(0).line().text());
  }

  @Test
  void clientIds_areUniqueInARun_handedOutAboveReservedOnes() throws Exception {
    Coordinator run = coordinator("--expect-clients", "3", "--reserve-ids", "3");
    assertEquals(4, run.join(new ClientJoin(0, "far", 5)).clientId(), "1..3 are the script's");
    assertEquals(2, run.join(new ClientJoin(2, "h", 5)).clientId());
    AlreadyExistsException taken = assertThrows(AlreadyExistsException.class, () -> run.join(new ClientJoin(2, "h", 5)));
    assertTrue(taken.getMessage().startsWith("client id 2 is taken in run "), taken.getMessage());
    assertEquals(5, run.reserveClientIds(2));
    assertEquals(7, run.join(new ClientJoin(0, "far", 5)).clientId());
  }

  @Test
  void uploads_takeOnlyTheClientsOwnFiles_partByPartInOrder() throws Exception {
    Coordinator run = coordinator();
    run.join(new ClientJoin(1, "h", 5));
    byte[] text = "client.id=1\nstatus=running\n".getBytes(StandardCharsets.UTF_8);
    for (String name : List.of("../client-1.properties", "client-2.properties", "merged.csv", "client-1.jar")) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> run.upload(new FileChunk(1, name, 0, text, true)));
      assertTrue(e.getMessage().contains("is not a file of client 1"), e.getMessage());
    }
    run.upload(new FileChunk(1, "client-1.properties", 0, new byte[] {'c'}, false));
    InvalidInputException gap = assertThrows(InvalidInputException.class,
        () -> run.upload(new FileChunk(1, "client-1.properties", 5, text, true)));
    assertEquals("offset 5 of client-1.properties does not follow the upload so far (1)", gap.getMessage());
    assertFalse(Files.exists(runDir.resolve("client-1.properties")), "no half file in the run folder");
    run.upload(new FileChunk(1, "client-1.properties", 0, text, true)); // a retry from the start
    assertEquals("client.id=1\nstatus=running\n", Files.readString(runDir.resolve("client-1.properties")));
    assertThrows(RedditException.class, () -> run.upload(new FileChunk(9, "client-9.hlog", 0, text, true)));
  }

  @Test
  void whenEveryExpectedClientFailsToStart_theRunEnds() throws Exception {
    Coordinator run = coordinator("--expect-clients", "2");
    run.notStarted(1, "Unrecognized VM option 'NoSuchOption'");
    run.tick(now.get());
    assertFalse(run.finished(now.get()));
    run.notStarted(2, "Unrecognized VM option 'NoSuchOption'");
    run.tick(now.get());
    assertTrue(run.finished(now.get()));
    assertTrue(new LiveView(run).get().notes().contains("client 1 failed to start: Unrecognized VM option 'NoSuchOption'"));
  }

  @Test
  void aClientNotHeardFromForTenSeconds_isLost_andNoLongerWaitedFor() throws Exception {
    Coordinator run = coordinator("--expect-clients", "2", "--duration", "5s");
    run.join(new ClientJoin(1, "h", 5));
    run.join(new ClientJoin(2, "h", 5));
    run.report(new ClientReport(1, ClientPhase.WARMING_UP, 5, List.of()));
    now.addAndGet(Coordinator.LOST_AFTER_MILLIS + 1);
    run.report(new ClientReport(1, ClientPhase.WARMING_UP, 5, List.of()));
    assertEquals(RunClock.UNKNOWN, run.window.start());
    run.tick(now.get());
    assertEquals(ClientState.LOST, run.clients.get(2).state);
    assertTrue(run.window.start() != RunClock.UNKNOWN, "the window no longer waits for the lost client");
    assertTrue(run.report(new ClientReport(2, ClientPhase.SETTING_UP, 5, List.of())).stop(), "told to stop if it comes back");
  }

  @Test
  void theLiveLine_showsTimeClientsCallsLatenciesErrorsUsersAndEngineGc() throws Exception {
    Coordinator run = coordinator("--duration", "30s");
    run.join(new ClientJoin(1, "h", 5));
    LiveView view = new LiveView(run);
    assertEquals("   0s waiting for 1 client(s) | clients 0 measuring, 1 setting up (0/5 users), 0 warming up, 0 lost"
        + " | engine GC 0 ms", view.line(now.get()));
    run.report(new ClientReport(1, ClientPhase.WARMING_UP, 5, List.of()));
    now.set(run.window.start());
    run.report(new ClientReport(1, ClientPhase.MEASURING, 5, List.of(second(0, 2_000_000), second(1, 2_000_000))));
    run.engineRead(run.window.start() + 1000, 1, 12, 40);
    now.addAndGet(2_500);
    run.tick(now.get());
    assertEquals("   2s measuring, 28s left | clients 1 measuring, 0 setting up, 0 warming up, 0 lost | ALL 100 calls/s"
        + " p50 2.00 p99 2.00 p99.9 2.00 ms | errors 2 | online 7 | engine GC 12 ms", view.line(now.get()));
  }

  /** Returns a second of 100 successful posts of {@code nanos} and one failure. */
  private static ClientReport.Second second(long second, long nanos) {
    Histogram ok = Latencies.newHistogram();
    ok.recordValueWithCount(nanos, 100);
    Histogram failed = Latencies.newHistogram();
    failed.recordValue(nanos);
    HistogramBytes.Encoder encoder = new HistogramBytes.Encoder();
    return new ClientReport.Second(second, 1000, List.of(new ClientReport.TaggedHistogram("post", encoder.encode(ok)),
        new ClientReport.TaggedHistogram("post.error", encoder.encode(failed))),
        List.of(new ClientReport.ErrorCount("post", "ConnectException", 1)), 7, 0.5);
  }
}
