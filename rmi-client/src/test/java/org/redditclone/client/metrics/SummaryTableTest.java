package org.redditclone.client.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.redditclone.client.runfiles.RunColumns;

final class SummaryTableTest {

  @Test
  void header_isExactlyTheAgreedColumns() {
    assertEquals("op,count,errors,throughput_per_s,mean_ms,p50_ms,p90_ms,p99_ms,p999_ms,max_ms",
        RunColumns.header(RunColumns.Summary.values()));
    assertEquals(RunColumns.header(RunColumns.Summary.values()), SummaryTable.csv(List.of()).lines().findFirst().get());
  }

  @Test
  void rows_listOccurringOpsInEnumOrderThenAllWithTheSums() {
    Histogram posts = histogram(1_000_000L, 3); // 3 x 1 ms
    Histogram logins = histogram(2_000_000L, 2); // 2 x 2 ms
    Histogram postErrors = histogram(5_000_000L, 4);
    List<SummaryRow> rows = SummaryTable.rows(
        Map.of(Op.POST, posts, Op.LOGIN, logins), Map.of(Op.POST, postErrors, Op.FEED, histogram(1, 1)),
        2.0);

    assertEquals(List.of("login", "post", "feed", "ALL"), rows.stream().map(SummaryRow::op).toList());
    SummaryRow all = rows.get(3);
    assertEquals(5, all.count());
    assertEquals(5, all.errors());
    assertEquals(rows.stream().limit(3).mapToLong(SummaryRow::count).sum(), all.count());
    assertEquals(rows.stream().limit(3).mapToLong(SummaryRow::errors).sum(), all.errors());
    assertEquals("ALL,5,5,2.500,1.400,1.000,2.001,2.001,2.001,2.001", all.csvLine());
    assertEquals("feed,0,1,0.000,NaN,NaN,NaN,NaN,NaN,NaN", rows.get(2).csvLine());
  }

  @Test
  void clamp_keepsLatenciesWithinTheHistogramRange() {
    assertEquals(1, Latencies.clamp(-5));
    assertEquals(1, Latencies.clamp(0));
    assertEquals(Latencies.HIGHEST_NANOS, Latencies.clamp(Long.MAX_VALUE));
    assertEquals(42, Latencies.clamp(42));
  }

  private static Histogram histogram(long value, int times) {
    Histogram histogram = Latencies.newHistogram();
    histogram.recordValueWithCount(value, times);
    return histogram;
  }
}
