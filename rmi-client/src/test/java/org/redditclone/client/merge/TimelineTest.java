package org.redditclone.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.client.metrics.IntervalLogReader;
import org.redditclone.client.metrics.IntervalLogWriter;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.metrics.Tag;
import org.redditclone.client.runfiles.RunColumns;
import org.redditclone.client.runfiles.RunFiles;

final class TimelineTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final long MS = 1_000_000L;

  @TempDir Path dir;

  @Test
  void aWrittenLogOfTwoOpsReadsBackAsTheRightPerSecondCounts() throws IOException {
    Path log = dir.resolve(RunFiles.clientHlog(1));
    try (IntervalLogWriter writer = IntervalLogWriter.open(log, T0, "test")) {
      for (int second = 0; second < 4; second++) {
        long start = T0 + second * 1000L;
        writer.write(Tag.success(Op.POST), start, start + 1000, histogramOf(2 * MS, second + 1));
        if (second != 2) {
          writer.write(Tag.success(Op.VOTE_POST), start, start + 1000, histogramOf(4 * MS, 10));
        }
        if (second == 1) {
          writer.write(Tag.failure(Op.VOTE_POST), start, start + 1000, histogramOf(MS, 3));
        }
      }
    }
    // A second client, started 300 ms later, and its online samples.
    Path other = dir.resolve(RunFiles.clientHlog(2));
    try (IntervalLogWriter writer = IntervalLogWriter.open(other, T0 + 300, "test")) {
      writer.write(Tag.success(Op.POST), T0 + 300, T0 + 1300, histogramOf(8 * MS, 100));
    }

    IntervalLogReader.Index index = IntervalLogReader.index(log);
    assertEquals(T0, index.startMillis().getAsLong());
    assertEquals(T0 + 4000, index.lastEndMillis().getAsLong());
    assertEquals(EnumSet.of(Op.POST, Op.VOTE_POST), index.ops());

    Timeline timeline = new Timeline(T0, index.ops());
    timeline.addOnline(1, List.of(new OnlineSamples.Sample(T0 + 1000, 5, 2.0),
        new OnlineSamples.Sample(T0 + 2000, 6, 15.5), new OnlineSamples.Sample(T0 + 3000, 7, 3.0)));
    timeline.addOnline(2, List.of(new OnlineSamples.Sample(T0 + 1300, 10, Double.NaN)));
    timeline.addEngine(List.of(new EngineSamples.Sample(T0 + 1000, 0, 50), new EngineSamples.Sample(T0 + 2000, 12, 80.5)));
    HistogramSet totals = new HistogramSet();
    StringWriter out = new StringWriter();
    try (IntervalLogReader.Source a = IntervalLogReader.open(log); IntervalLogReader.Source b = IntervalLogReader.open(other)) {
      timeline.write(Map.of(1, a, 2, b), totals::add, out);
    }

    assertEquals(List.of(
            RunColumns.header(RunColumns.Timeline.values()),
            "0,post,101,0,8.004,8.004,15,2,0.000,50.000,2.000",
            "0,vote_post,10,0,4.002,4.002,15,2,0.000,50.000,2.000",
            "0,ALL,111,0,8.004,8.004,15,2,0.000,50.000,2.000",
            "1,post,2,0,2.001,2.001,6,1,12.000,80.500,15.500",
            "1,vote_post,10,3,4.002,4.002,6,1,12.000,80.500,15.500",
            "1,ALL,12,3,4.002,4.002,6,1,12.000,80.500,15.500",
            "2,post,3,0,2.001,2.001,7,1,NaN,NaN,3.000",
            "2,vote_post,0,0,NaN,NaN,7,1,NaN,NaN,3.000",
            "2,ALL,3,0,2.001,2.001,7,1,NaN,NaN,3.000",
            "3,post,4,0,2.001,2.001,0,1,NaN,NaN,NaN",
            "3,vote_post,10,0,4.002,4.002,0,1,NaN,NaN,NaN",
            "3,ALL,14,0,4.002,4.002,0,1,NaN,NaN,NaN"),
        out.toString().lines().toList());
    assertEquals(java.util.Set.of(1L), timeline.laggingSeconds());
    assertEquals(java.util.Set.of(1), timeline.laggingClients());
    assertEquals(1 + 2 + 3 + 4 + 100, totals.successes(Op.POST).getTotalCount());
    assertEquals(30, totals.successes(Op.VOTE_POST).getTotalCount());
    assertEquals(3, totals.errors(Op.VOTE_POST));
  }

  private static Histogram histogramOf(long value, int count) {
    Histogram histogram = Latencies.newHistogram();
    histogram.recordValueWithCount(value, count);
    return histogram;
  }
}
