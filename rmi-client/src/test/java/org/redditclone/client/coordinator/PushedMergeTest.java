package org.redditclone.client.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.ClientJoin;
import org.redditclone.api.ClientPhase;
import org.redditclone.api.ClientReport;
import org.redditclone.api.FileChunk;
import org.redditclone.api.RedditException;
import org.redditclone.api.RunClock;
import org.redditclone.client.merge.GoneEngine;
import org.redditclone.client.merge.MergeMain;
import org.redditclone.client.metrics.ClientMetrics;
import org.redditclone.client.metrics.ClientMetricsAccess;
import org.redditclone.client.metrics.HistogramBytes;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.report.RunView;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.PropertiesFile;
import org.redditclone.client.runfiles.RunColumns.Timeline;
import org.redditclone.client.runfiles.RunFiles;
import org.redditclone.client.runfiles.RunKeys.Client;

/**
 * Merging the seconds clients push gives exactly the figures that merging their files gives: the
 * coordinator's live table against merged.csv, and its seconds against timeline.csv, for a run
 * with a client lost after two seconds and one that joined late. The clients are the simulator's
 * own {@link ClientMetrics}, pushing what they write; the files merge through {@link MergeMain}.
 */
final class PushedMergeTest {

  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path runDir;
  @TempDir Path clientDirs;

  private final AtomicLong now = new AtomicLong(T0);
  private Coordinator coordinator;

  @Test
  void thePushedSecondsMerge_toTheFiguresOfTheFileMerge() throws Exception {
    CoordinatorOptions options = CoordinatorOptions.parse("--run-dir", runDir.toString(), "--registry",
        "127.0.0.1:1", "--expect-clients", "2", "--duration", "5s", "--threshold", "ALL.p99<1s");
    coordinator = new Coordinator(options, new RunFolder(runDir), now::get);
    Simulated one = join(1);
    Simulated two = join(2);
    one.reportPhase(ClientPhase.WARMING_UP);
    two.reportPhase(ClientPhase.WARMING_UP);
    long w = coordinator.window.start();
    assertEquals(T0 + 2_000, w);
    now.set(T0 + 1_000);
    RunClock clock = one.reportPhase(ClientPhase.WARMING_UP); // its next report: it learns of the window
    assertEquals(1_000, clock.startsInMillis());

    now.set(w);
    one.begin(0);
    two.begin(0);
    Simulated late = null;
    Random random = new Random(7);
    for (int second = 0; second < 5; second++) {
      for (Simulated client : List.of(one, two)) {
        if (client != two || second < 2) {
          client.record(random, second);
        }
      }
      if (late != null) {
        late.record(random, second);
      }
      if (second == 1) {
        now.set(w + 1_200);
        late = join(3);
        RunClock told = late.reportPhase(ClientPhase.WARMING_UP);
        assertEquals(2, told.firstSecond(), "the next whole second at least 250 ms away");
        assertEquals(800, told.startsInMillis());
      }
      now.set(w + (second + 1) * 1000L);
      coordinator.engineRead(now.get(), second % 2, second * 3.5, 40 + second);
      for (Simulated client : new Simulated[] {one, two, late}) {
        if (client == null || client == two && second >= 2) {
          continue;
        }
        if (client == late && second == 1) {
          client.begin(2);
        } else if (second < 4) {
          ClientMetricsAccess.tick(client.metrics);
        } else {
          client.metrics.endSteadyPhase(w + 5_000); // the window's end: the last drain
        }
      }
    }
    for (Simulated client : List.of(one, late)) {
      client.finish();
    }
    now.set(w + 5_000 + Coordinator.LOST_AFTER_MILLIS);
    coordinator.tick(now.get());
    assertTrue(coordinator.finished(now.get()), coordinator.clients.toString());
    assertEquals(ClientState.LOST, coordinator.clients.get(2).state);
    List<SummaryRow> live = coordinator.merge.summary();
    SortedSet<Integer> ids = coordinator.closeFolder();
    List<RunView.Second> seconds = coordinator.merge.seconds();

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int status = MergeMain.merge(runDir, new GoneEngine(), ids,
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertEquals(1, status, "an engine out of reach leaves the consistency check not made: " + printed);

    assertEquals(live.stream().map(SummaryRow::csvLine).toList(),
        Files.readAllLines(runDir.resolve(RunFiles.MERGED_CSV)).subList(1, live.size() + 1));
    assertTrue(live.get(live.size() - 1).count() > 100, live.toString());
    List<String> fromFiles = CsvFile.read(runDir.resolve(RunFiles.TIMELINE_CSV), Timeline.values(), false,
        row -> row.whole(Timeline.SECOND) + "," + row.text(Timeline.OP) + "," + row.whole(Timeline.COUNT) + ","
            + row.whole(Timeline.ERRORS) + "," + row.text(Timeline.P50_MS) + "," + row.text(Timeline.P99_MS) + ","
            + row.whole(Timeline.USERS_ONLINE) + "," + row.whole(Timeline.CLIENTS) + ","
            + row.text(Timeline.ENGINE_GC_MS) + "," + row.text(Timeline.ENGINE_CPU_PCT) + ","
            + row.text(Timeline.LAG_P99_MS))
        .stream().filter(line -> !line.matches("\\d+,\\w+,0,0,.*")).toList(); // the file adds idle operations
    List<String> fromPushes = new ArrayList<>();
    for (RunView.Second s : seconds) {
      s.ops().forEach((op, at) -> fromPushes.add(s.second() + "," + op + "," + at.count() + "," + at.errors() + ","
          + Latencies.decimal(at.p50Millis()) + "," + Latencies.decimal(at.p99Millis()) + "," + s.usersOnline() + ","
          + s.clients() + "," + Latencies.decimal(s.engineGcMillis()) + "," + Latencies.decimal(s.engineCpuPercent())
          + "," + Latencies.decimal(s.lagP99Millis())));
    }
    assertEquals(fromPushes.stream().sorted().toList(), fromFiles.stream().sorted().toList());
    assertEquals(List.of(2, 2, 2, 2, 2), seconds.stream().map(RunView.Second::clients).toList(),
        "clients 1 and 2, then 1 and 3");
    assertEquals(List.of(List.of(2), List.of(1, 2), List.of(1, 3), List.of(1, 3), List.of(1, 3)),
        seconds.stream().map(RunView.Second::laggingClients).toList(), "12 ms lags, 8 ms (client 1's first) does not");

    Map<String, String> run = PropertiesFile.read(runDir.resolve(RunFiles.RUN_PROPERTIES));
    assertEquals("1,2,3", run.get("clients"));
    assertEquals("2", run.get("clients.lost"));
    assertEquals("5.000", run.get("steady.duration.s"));
    assertEquals("5", run.get("lag.seconds"));
    assertEquals(Client.LOST, PropertiesFile.read(runDir.resolve("client-2.properties")).get("status"));
    assertEquals("not checked", run.get("consistency"), run.toString());
    assertEquals(List.of("ALL.p99<1s PASS " + Latencies.millis(live.get(live.size() - 1).p99Nanos()) + "ms"),
        coordinator.verdicts().stream().map(v -> v.line().text()).toList());
  }

  private Simulated join(int id) throws RedditException, IOException {
    coordinator.join(new ClientJoin(id, "host-" + id, 10));
    Simulated client = new Simulated(id, Files.createDirectories(clientDirs.resolve("c" + id)));
    client.reportPhase(ClientPhase.SETTING_UP);
    client.writeProperties(Client.RUNNING, 0);
    client.upload(RunFiles.clientProperties(id));
    return client;
  }

  /** One simulated client JVM: its metrics, pushing each interval as the simulator's link does. */
  private final class Simulated {
    final int id;
    final Path dir;
    final ClientMetrics metrics;
    final HistogramBytes.Encoder encoder = new HistogramBytes.Encoder();
    long startLabel;

    Simulated(int id, Path dir) throws IOException {
      this.id = id;
      this.dir = dir;
      this.metrics = ClientMetricsAccess.create(id, dir, now::get);
      metrics.setIntervalListener((start, end, histograms, online, lag) -> {
        List<ClientReport.TaggedHistogram> encoded = new ArrayList<>();
        histograms.forEach((tag, h) -> encoded.add(new ClientReport.TaggedHistogram(tag.wireName(), encoder.encode(h))));
        try {
          coordinator.report(new ClientReport(id, ClientPhase.MEASURING, 10, List.of(new ClientReport.Second(
              (start - coordinator.window.start()) / 1000, end - start, encoded, List.of(), online, lag / 1e6))));
        } catch (RedditException e) {
          throw new AssertionError(e);
        }
      });
    }

    RunClock reportPhase(ClientPhase phase) throws RedditException {
      return coordinator.report(new ClientReport(id, phase, 10, List.of()));
    }

    void begin(long firstSecond) {
      startLabel = coordinator.window.start() + firstSecond * 1000;
      metrics.beginSteadyPhase(startLabel, coordinator.window.end());
    }

    void record(Random random, int second) {
      metrics.setUsersOnline(5 + id + second);
      for (int i = 0; i < 40 + 10 * id; i++) {
        Op op = i % 3 == 0 ? Op.POST : i % 3 == 1 ? Op.FEED : Op.VOTE_POST;
        metrics.recordSuccess(op, Math.round(Math.exp(13 + random.nextGaussian() * 1.5)));
      }
      metrics.recordError(Op.VOTE_POST, "NotFoundException", 2_000_000);
      metrics.recordLag(id == 2 || second > 0 ? 12_000_000 : 8_000_000);
    }

    void finish() throws Exception {
      metrics.close();
      writeProperties(Client.FINISHED, startLabel);
      for (String name : RunFolder.clientFiles(id)) {
        if (Files.exists(dir.resolve(name))) {
          upload(name);
        }
      }
      reportPhase(ClientPhase.FINISHED);
    }

    void writeProperties(String status, long started) throws IOException {
      Map<String, String> p = new LinkedHashMap<>();
      p.put(Client.CLIENT_ID.key(), Integer.toString(id));
      p.put(Client.STATUS.key(), status);
      p.put(Client.USERS.key(), "10");
      p.put(Client.SUBREDDITS.key(), "10");
      p.put(Client.ZIPF_EXPONENT.key(), "1.0");
      p.put(Client.STARTED_EPOCH_MS.key(), Long.toString(T0 - 5_000));
      if (started > 0) {
        p.put(Client.STEADY_STARTED_EPOCH_MS.key(), Long.toString(started));
      }
      PropertiesFile.write(dir.resolve(RunFiles.clientProperties(id)), "client " + id, p);
    }

    void upload(String name) {
      try {
        byte[] bytes = Files.readAllBytes(dir.resolve(name));
        int half = bytes.length / 2;
        coordinator.upload(new FileChunk(id, name, 0, java.util.Arrays.copyOf(bytes, half), false));
        coordinator.upload(new FileChunk(id, name, half, java.util.Arrays.copyOfRange(bytes, half, bytes.length), true));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (RedditException e) {
        throw new AssertionError(e);
      }
    }
  }
}
