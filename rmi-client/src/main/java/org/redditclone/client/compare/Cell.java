package org.redditclone.client.compare;

import static java.util.Objects.requireNonNull;

/**
 * One figure of one operation on both sides.
 *
 * @param metric the figure
 * @param a side A's value (the median of its runs' values); NaN when absent
 * @param b side B's value
 * @param significance how the change was tested
 */
record Cell(Metric metric, double a, double b, Significance significance) {

  Cell {
    requireNonNull(metric, "metric");
    requireNonNull(significance, "significance");
  }

  /** Returns the change from A to B in percent of A; see {@link #percentChange}. */
  double change() {
    return percentChange(a, b);
  }

  /**
   * Returns {@code (b - a) / a * 100}: 0 when both are equal (also both 0), infinite when only
   * {@code a} is 0, NaN when either is NaN.
   */
  static double percentChange(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.NaN;
    }
    if (a == b) {
      return 0;
    }
    if (a == 0) {
      return b > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    return (b - a) / Math.abs(a) * 100.0;
  }

  /**
   * Returns whether this is a significant change for the worse of more than {@code percent}
   * percent at level {@code alpha}.
   */
  boolean regression(double alpha, double percent) {
    return significance.verdict(alpha) == Significance.Verdict.SIGNIFICANT
        && metric.worse(a, b)
        && Math.abs(change()) > percent;
  }
}
