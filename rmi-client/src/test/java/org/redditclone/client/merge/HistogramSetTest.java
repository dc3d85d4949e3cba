package org.redditclone.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.metrics.Tag;

final class HistogramSetTest {

  private static final long MS = 1_000_000L;

  @Test
  void merging_twoClientsGivesThePercentilesOfAllTheirValuesAndAddsTheCounts() {
    Histogram first = Latencies.newHistogram();
    Histogram second = Latencies.newHistogram();
    for (long ms = 1; ms <= 1000; ms++) {
      first.recordValue(ms * MS);
      second.recordValue((ms + 1000) * MS);
    }
    HistogramSet merged = new HistogramSet();
    merged.add(Tag.success(Op.POST), first);
    merged.add(Tag.success(Op.POST), second);
    merged.add(Tag.failure(Op.POST), histogramOf(3 * MS, 7));

    List<SummaryRow> rows = merged.rows(10.0);
    SummaryRow post = rows.get(0);
    assertEquals("post", post.op());
    assertEquals(2000, post.count());
    assertEquals(7, post.errors());
    assertEquals(200.0, post.throughputPerSecond(), 1e-9);
    assertWithinPrecision(1000 * MS, post.p50Nanos());
    assertWithinPrecision(1800 * MS, post.p90Nanos());
    assertWithinPrecision(1980 * MS, post.p99Nanos());
    assertWithinPrecision(2000 * MS, post.maxNanos());
    assertWithinPrecision(1000.5 * MS, post.meanNanos());
    // An average of the two clients' medians would say 1000.5 ms only by luck; their p99s
    // average to 1485 ms, far from the merged p99.
    assertTrue(post.p99Nanos() > 1900 * MS);
    assertEquals(List.of("post", "ALL"), rows.stream().map(SummaryRow::op).toList());
    assertEquals(2000, rows.get(1).count());
    assertEquals(7, rows.get(1).errors());
  }

  @Test
  void rows_ofTheAllRowAddTheHistogramsOfEveryOp() {
    HistogramSet set = new HistogramSet();
    set.add(Tag.success(Op.LOGIN), histogramOf(1 * MS, 99));
    set.add(Tag.success(Op.FEED), histogramOf(100 * MS, 1));
    set.add(Tag.failure(Op.FEED), histogramOf(5 * MS, 2));
    SummaryRow all = set.rows(1.0).get(2);
    assertEquals("ALL", all.op());
    assertEquals(100, all.count());
    assertEquals(2, all.errors());
    assertWithinPrecision(1 * MS, all.p50Nanos());
    assertWithinPrecision(100 * MS, all.maxNanos());
  }

  private static Histogram histogramOf(long value, int count) {
    Histogram histogram = Latencies.newHistogram();
    histogram.recordValueWithCount(value, count);
    return histogram;
  }

  private static void assertWithinPrecision(double expected, double actual) {
    // 3 significant digits: HdrHistogram's relative error is below 0.1%.
    assertEquals(expected, actual, expected * 0.001, () -> "expected ~" + expected + " but was " + actual);
  }
}
