package org.redditclone.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.redditclone.client.metrics.Latencies;

final class SparseCountsTest {

  @Test
  void valueAtPercentile_agreesWithHdrHistogram() {
    Histogram histogram = Latencies.newHistogram();
    Random random = new Random(3);
    for (int i = 0; i < 5000; i++) {
      histogram.recordValue(1 + (long) (1e7 * Math.exp(random.nextGaussian())));
    }
    SparseCounts sparse = SparseCounts.of(histogram);
    assertEquals(5000, sparse.total());
    for (double p : new double[] {1, 50, 90, 99, 99.9, 99.99, 100}) {
      assertEquals((double) histogram.getValueAtPercentile(p), sparse.valueAtPercentile(p), "p" + p);
    }
  }

  @Test
  void valueAtPercentile_ofNothing_isNaN() {
    assertEquals(Double.NaN, SparseCounts.EMPTY.valueAtPercentile(50));
  }
}
