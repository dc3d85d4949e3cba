package org.redditclone.client.compare;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.redditclone.client.report.SparseCounts;

/**
 * Tests whether a high percentile (p99, p99.9) of two sets of calls differs: the quantile test,
 * Mood's median test carried to any percentile. The threshold t is the percentile of both sides'
 * calls together; if both come from one distribution, each side has the same share of calls
 * above t, which Fisher's exact test checks on the 2x2 table (side, above t or not).
 *
 * <p>Why not a Mann-Whitney test over per-second p99s, or a bootstrap: a second holds a few dozen
 * to a few hundred calls of an operation, so its p99 (let alone its p99.9) is close to its maximum,
 * whose level rises with the number of calls in the second; a run at half the rate then shows a
 * "significantly" lower p99 with no change in latency at all (seen on synthetic runs: -12%,
 * p < 0.001). A bootstrap of an extreme percentile has the same fault, as the resamples only
 * reshuffle the few largest values. The quantile test does not depend on the sizes of the sides.
 *
 * <p>Its limit: it takes calls as independent, while calls of one second share its pauses (GC,
 * a busy engine), so its p-value is too small when the tail comes in bursts.
 */
final class QuantileTest {

  private QuantileTest() {}

  /**
   * Returns the two-sided p-value that {@code percentile} of the calls {@code a} and {@code b} is
   * the same, or NaN when a side has no call.
   */
  static double pValue(SparseCounts a, SparseCounts b, double percentile) {
    long na = a.total();
    long nb = b.total();
    if (na == 0 || nb == 0) {
      return Double.NaN;
    }
    double threshold = pooled(a, b).valueAtPercentile(percentile);
    long aboveA = above(a, threshold);
    long aboveB = above(b, threshold);
    return fisher(aboveA, na, aboveB, nb);
  }

  /**
   * Returns the two-sided p-value of Fisher's exact test that {@code k1} of {@code n1} and
   * {@code k2} of {@code n2} are shares of one proportion: the probability, given the margins, of
   * a table no more likely than the one seen.
   */
  static double fisher(long k1, long n1, long k2, long n2) {
    long total = n1 + n2;
    long successes = k1 + k2;
    if (successes == 0 || successes == total) {
      return 1.0;
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "the sides hold " + total + " calls; at most " + Integer.MAX_VALUE + " can be tested");
    }
    HypergeometricDistribution h =
        new HypergeometricDistribution(null, (int) total, (int) successes, (int) n1);
    double seen = h.logProbability((int) k1);
    double p = 0;
    int low = (int) Math.max(0, successes - n2);
    int high = (int) Math.min(successes, n1);
    for (int x = low; x <= high; x++) {
      double log = h.logProbability(x);
      if (log <= seen + 1e-7) {
        p += Math.exp(log);
      }
    }
    return Math.min(1.0, p);
  }

  private static long above(SparseCounts counts, double threshold) {
    long above = 0;
    for (int i = 0; i < counts.values().length; i++) {
      if (counts.values()[i] > threshold) {
        above += counts.counts()[i];
      }
    }
    return above;
  }

  private static SparseCounts pooled(SparseCounts a, SparseCounts b) {
    java.util.Map<Long, Long> buckets = new java.util.HashMap<>();
    for (SparseCounts side : new SparseCounts[] {a, b}) {
      for (int i = 0; i < side.values().length; i++) {
        buckets.merge(side.values()[i], side.counts()[i], Long::sum);
      }
    }
    return SparseCounts.of(buckets);
  }
}
