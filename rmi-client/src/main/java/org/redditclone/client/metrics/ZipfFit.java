package org.redditclone.client.metrics;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A Zipf law fitted to the member counts of the most joined subreddits: {@code members = scale *
 * rank^-exponent}, by least squares on {@code ln(members) = ln(scale) - exponent * ln(rank)}.
 *
 * <p>The merge's Zipf check and the report's chart both fit through here, so that zipf.csv, the
 * summary and the report show the same exponent.
 *
 * @param exponent the fitted s
 * @param scale the fitted members of rank 1
 * @param points how many ranks the fit used (those of the top {@link #TOP} with a member)
 */
public record ZipfFit(double exponent, double scale, int points) {

  /**
   * The ranks fitted. The top of the law is where it is measured well: further down, counts of a
   * few members are mostly noise, and sorting them by size bends the tail.
   */
  public static final int TOP = 20;

  /** How far the fitted exponent may stray from the configured one before a run is flagged. */
  public static final double DRIFT_LIMIT = 0.05;

  /**
   * Returns the fit of {@code membersByRank} (index 0 is rank 1, most members first) over its
   * first {@link #TOP} ranks; NaN parameters when fewer than two of them have members.
   */
  public static ZipfFit of(long[] membersByRank) {
    SimpleRegression regression = new SimpleRegression();
    int points = 0;
    for (int i = 0; i < Math.min(TOP, membersByRank.length); i++) {
      if (membersByRank[i] > 0) {
        regression.addData(Math.log(i + 1), Math.log(membersByRank[i]));
        points++;
      }
    }
    if (points < 2) {
      return new ZipfFit(Double.NaN, Double.NaN, points);
    }
    return new ZipfFit(-regression.getSlope(), Math.exp(regression.getIntercept()), points);
  }

  /** Returns whether the fitted exponent is more than {@link #DRIFT_LIMIT} from {@code configured}. */
  public boolean driftsFrom(double configured) {
    return !(Math.abs(exponent - configured) <= DRIFT_LIMIT);
  }

  /** Returns the members the fit predicts at {@code rank}. */
  public double members(double rank) {
    return scale * Math.pow(rank, -exponent);
  }
}
