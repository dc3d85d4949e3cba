package org.redditclone.client.compare;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * The two-sided p-value of the Mann-Whitney U test of two samples.
 *
 * <p>U comes from commons-math3's {@link MannWhitneyUTest} (average ranks for ties). The p-value
 * is exact when there are no ties and at most {@value #EXACT_LIMIT} values in all, since the
 * normal approximation that commons-math3 3.6 uses is too generous for small samples (3 runs
 * against 3 get p = 0.0495 where the exact p is 0.1); above that, without ties, it is
 * commons-math3's normal approximation. With ties, it is the normal approximation with the
 * variance corrected for ties, which commons-math3 3.6 leaves out.
 */
final class MannWhitney {

  /** Above this many values in all, the exact distribution is not computed. */
  static final int EXACT_LIMIT = 60;

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private MannWhitney() {}

  /**
   * Returns the two-sided p-value that {@code x} and {@code y} come from one distribution.
   *
   * @throws IllegalArgumentException if a sample is empty or holds NaN
   */
  static double pValue(double[] x, double[] y) {
    if (x.length == 0 || y.length == 0) {
      throw new IllegalArgumentException("samples of " + x.length + " and " + y.length
          + " values; each needs at least one");
    }
    if (Arrays.stream(x).anyMatch(Double::isNaN) || Arrays.stream(y).anyMatch(Double::isNaN)) {
      throw new IllegalArgumentException("a sample holds NaN");
    }
    double uMax = new MannWhitneyUTest().mannWhitneyU(x, y);
    long n1 = x.length;
    long n2 = y.length;
    double uMin = n1 * n2 - uMax;
    double tieTerm = tieTerm(x, y);
    if (tieTerm == 0 && n1 + n2 <= EXACT_LIMIT) {
      return exact((int) n1, (int) n2, (long) Math.rint(uMin));
    }
    if (tieTerm == 0) {
      return new MannWhitneyUTest().mannWhitneyUTest(x, y);
    }
    long n = n1 + n2;
    double variance = n1 * n2 / 12.0 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
    if (variance <= 0) {
      return 1.0; // every value is the same
    }
    double z = (uMin - n1 * n2 / 2.0) / Math.sqrt(variance);
    return Math.min(1.0, 2 * NORMAL.cumulativeProbability(z));
  }

  /** Returns the sum of t^3 - t over the groups of t tied values of both samples together. */
  private static double tieTerm(double[] x, double[] y) {
    double[] all = new double[x.length + y.length];
    System.arraycopy(x, 0, all, 0, x.length);
    System.arraycopy(y, 0, all, x.length, y.length);
    Arrays.sort(all);
    double term = 0;
    int i = 0;
    while (i < all.length) {
      int j = i;
      while (j + 1 < all.length && all[j + 1] == all[i]) {
        j++;
      }
      double t = j - i + 1;
      term += t * t * t - t;
      i = j + 1;
    }
    return term;
  }

  /**
   * Returns the exact two-sided p-value of {@code uMin} for samples of {@code n1} and {@code n2}
   * without ties: twice the probability of a U at most {@code uMin}, at most 1.
   */
  static double exact(int n1, int n2, long uMin) {
    double[] frequencies = frequencies(n1, n2);
    double total = 0;
    double tail = 0;
    for (int u = 0; u < frequencies.length; u++) {
      total += frequencies[u];
      if (u <= uMin) {
        tail += frequencies[u];
      }
    }
    return Math.min(1.0, 2 * tail / total);
  }

  /**
   * Returns how many of the arrangements of {@code n1} and {@code n2} values give each U: the
   * coefficients of the Gaussian binomial [n1+n2 choose m]_q, m = min(n1, n2), built with
   * [j choose k] = [j-1 choose k-1] + q^k [j-1 choose k], which only adds positive numbers.
   */
  static double[] frequencies(int n1, int n2) {
    int m = Math.min(n1, n2);
    int n = n1 + n2;
    double[][] g = new double[m + 1][];
    g[0] = new double[] {1};
    for (int k = 1; k <= m; k++) {
      g[k] = new double[0];
    }
    for (int j = 1; j <= n; j++) {
      for (int k = Math.min(j, m); k >= 1; k--) {
        double[] lower = g[k - 1];
        double[] same = g[k];
        double[] next = new double[k * (j - k) + 1];
        for (int d = 0; d < next.length; d++) {
          double value = d < lower.length ? lower[d] : 0;
          if (d >= k && d - k < same.length) {
            value += same[d - k];
          }
          next[d] = value;
        }
        g[k] = next;
      }
    }
    return g[m];
  }
}
