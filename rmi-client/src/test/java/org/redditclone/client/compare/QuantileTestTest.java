package org.redditclone.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.report.SparseCounts;

final class QuantileTestTest {

  @Test
  void fisher_matchesAKnownTable() {
    // 1 of 10 against 11 of 14: two-sided p = 0.002759 (R: fisher.test(matrix(c(1,9,11,3),2)))
    assertEquals(0.002759, QuantileTest.fisher(1, 10, 11, 14), 1e-6);
  }

  @Test
  void fisher_ofEqualShares_isOne() {
    assertEquals(1.0, QuantileTest.fisher(5, 100, 5, 100), 1e-9);
    assertEquals(1.0, QuantileTest.fisher(0, 100, 0, 50), 1e-9);
  }

  @Test
  void sameDistribution_atDifferentRates_isNotSignificant() {
    Random random = new Random(2);
    SparseCounts a = calls(random, 20_000, 1.0);
    SparseCounts b = calls(random, 5_000, 1.0);
    assertTrue(QuantileTest.pValue(a, b, 99.9) > 0.05, "p99.9");
    assertTrue(QuantileTest.pValue(a, b, 99) > 0.05, "p99");
  }

  @Test
  void aHeavierTail_isSignificant() {
    Random random = new Random(2);
    SparseCounts a = calls(random, 20_000, 1.0);
    SparseCounts b = calls(random, 20_000, 1.5);
    assertTrue(QuantileTest.pValue(a, b, 99.9) < 0.001);
    assertTrue(QuantileTest.pValue(a, b, 99) < 0.001);
  }

  private static SparseCounts calls(Random random, int n, double scale) {
    Histogram h = Latencies.newHistogram();
    for (int i = 0; i < n; i++) {
      h.recordValue((long) (1e6 * scale * Math.exp(0.5 * random.nextGaussian())));
    }
    return SparseCounts.of(h);
  }
}
