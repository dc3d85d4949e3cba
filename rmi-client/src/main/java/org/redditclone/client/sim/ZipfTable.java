package org.redditclone.client.sim;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ZipfDistribution;

/**
 * The Zipf law over subreddit ranks 1..M as a cumulative table, sampled by binary search with any
 * caller's random source: thread-safe, unlike a {@link ZipfDistribution} that owns its generator.
 */
final class ZipfTable {

  private final double[] cumulative;

  /** Returns the table of {@code ZipfDistribution(elements, exponent)}. */
  ZipfTable(int elements, double exponent) {
    if (elements < 1) {
      throw new IllegalArgumentException("elements " + elements + " must be 1 or more");
    }
    ZipfDistribution zipf = new ZipfDistribution(null, elements, exponent);
    this.cumulative = new double[elements];
    double sum = 0;
    for (int k = 1; k <= elements; k++) {
      sum += zipf.probability(k);
      cumulative[k - 1] = sum;
    }
  }

  /** Returns the number of ranks. */
  int size() {
    return cumulative.length;
  }

  /** Returns the probability of rank {@code k}. */
  double probability(int k) {
    return cumulative[k - 1] - (k == 1 ? 0 : cumulative[k - 2]);
  }

  /** Returns a rank 1..M drawn by the law. */
  int sample(SplittableRandom random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo + 1;
  }
}
