package org.redditclone.client.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.metrics.SummaryTable;

final class ThresholdTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ALL.p99<100ms      | ALL  | P99        | true  | 100",
      "post.p99.9<250ms   | post | P999       | true  | 250",
      "ALL.error_rate<0.1%| ALL  | ERROR_RATE | true  | 0.1",
      "ALL.throughput>5000| ALL  | THROUGHPUT | false | 5000",
      "vote_post.max<2s   | vote_post | MAX     | true  | 2000",
      "feed.mean<1.5ms    | feed | MEAN       | true  | 1.5",
      "ALL.p50>0.5ms      | ALL  | P50        | false | 0.5",
      "login.p90<1m       | login | P90       | true  | 60000"})
  void theIssuesExamplesAndTheirKin_parse(String expression, String op, Threshold.Metric metric, boolean below,
      double limit) {
    Threshold t = Threshold.parse(expression);
    assertEquals(op, t.op());
    assertEquals(metric, t.metric());
    assertEquals(below, t.below());
    assertEquals(limit, t.limit(), 1e-9);
    assertEquals(expression.strip(), t.expression());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "ALL.p99<100         | a latency's VALUE is a duration with a unit, like 100ms or 2s; '100' has none",
      "ALL.p99<fast        | a latency's VALUE is a duration with a unit",
      "ALL.p99<PT1S        | a latency's VALUE is a duration with a unit, like 100ms or 2s; 'PT1S' has none",
      "ALL.p99=100ms       | it is not of the form OP.METRIC<VALUE or OP.METRIC>VALUE",
      "ALL.p98<100ms       | 'p98' is no metric; METRIC is one of p50 p90 p99 p99.9 max mean error_rate throughput",
      "posts.p99<100ms     | 'posts' is no operation; OP is ALL or one of register,",
      "all.p99<100ms       | 'all' is no operation",
      "ALL.error_rate<0.1  | error_rate's VALUE is a percentage, like 0.1%; '0.1' is not",
      "ALL.error_rate<101% | error_rate's VALUE is a percentage of at most 100%",
      "ALL.throughput>lots | throughput's VALUE is a number of calls per second, like 5000; 'lots' is not",
      "ALL.throughput>5k   | throughput's VALUE is a number",
      "p99<100ms           | it is not of the form",
      "ALL.p99<           | it is not of the form"})
  void aMalformedExpression_isRefused_namingItAndTheRuleItBreaks(String expression, String rule) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Threshold.parse(expression));
    assertTrue(e.getMessage().startsWith("--threshold '" + expression + "': "), e.getMessage());
    assertTrue(e.getMessage().contains(rule), e.getMessage());
  }

  @Test
  void evaluation_readsTheMergedTable_strictly_andNothingMeasuredFails() {
    Map<Op, Histogram> ok = new EnumMap<>(Op.class);
    Map<Op, Histogram> failed = new EnumMap<>(Op.class);
    ok.put(Op.POST, histogram(1_000_000, 990, 200_000_000, 10)); // 99% at 1 ms, 1% at 200 ms
    ok.put(Op.FEED, histogram(4_000_000, 1000, 0, 0));
    failed.put(Op.POST, histogram(1_000_000, 2, 0, 0));
    List<SummaryRow> rows = SummaryTable.rows(ok, failed, 10.0);

    Thresholds thresholds = new Thresholds(List.of(Threshold.parse("post.p99<2ms"),
        Threshold.parse("post.max<100ms"), Threshold.parse("ALL.throughput>199"), Threshold.parse("ALL.throughput>200"),
        Threshold.parse("ALL.error_rate<0.1%"), Threshold.parse("post.error_rate<0.2%"),
        Threshold.parse("feed.p50<4ms"), Threshold.parse("feed.p50<4.01ms"), Threshold.parse("login.p99<1s"),
        Threshold.parse("login.throughput>0"), Threshold.parse("ALL.mean<5ms")));
    List<Thresholds.Verdict> verdicts = thresholds.evaluate(rows);

    assertEquals(List.of(
            "post.p99<2ms PASS 1.000ms",
            "post.max<100ms FAIL 200.016ms",
            "ALL.throughput>199 PASS 200.000",
            "ALL.throughput>200 FAIL 200.000",
            "ALL.error_rate<0.1% PASS 0.100%",
            "post.error_rate<0.2% PASS 0.200%", // 2 of 1002: 0.1996%, below 0.2%
            "feed.p50<4ms FAIL 4.002ms",
            "feed.p50<4.01ms PASS 4.002ms",
            "login.p99<1s FAIL NaN",
            "login.throughput>0 FAIL 0.000",
            "ALL.mean<5ms PASS 3.495ms"),
        verdicts.stream().map(v -> v.line().text()).toList());
  }

  @Test
  void anErrorRateAtItsLimit_fails_forTheComparisonIsStrict() {
    Map<Op, Histogram> ok = new EnumMap<>(Op.class);
    Map<Op, Histogram> failed = new EnumMap<>(Op.class);
    ok.put(Op.POST, histogram(1_000_000, 999, 0, 0));
    failed.put(Op.POST, histogram(1_000_000, 1, 0, 0));
    Thresholds.Verdict verdict = new Thresholds(List.of(Threshold.parse("ALL.error_rate<0.1%")))
        .evaluate(SummaryTable.rows(ok, failed, 1.0)).get(0);
    assertEquals(0.1, verdict.measured(), 1e-12);
    assertFalse(verdict.pass());
  }

  private static Histogram histogram(long value, long count, long other, long otherCount) {
    Histogram h = Latencies.newHistogram();
    h.recordValueWithCount(value, count);
    if (otherCount > 0) {
      h.recordValueWithCount(other, otherCount);
    }
    return h;
  }
}
