package org.redditclone.client.report;

import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A Zipf law fitted to member counts by rank: {@code members = scale * rank^-exponent}, by least
 * squares on {@code ln(members) = ln(scale) - exponent * ln(rank)}.
 *
 * @param exponent the fitted s
 * @param scale the fitted members of rank 1
 * @param points how many ranks the fit used (those with at least one member)
 */
record ZipfFit(double exponent, double scale, int points) {

  /** Returns the fit of {@code rows}; NaN parameters when fewer than two ranks have members. */
  static ZipfFit of(List<ZipfRow> rows) {
    SimpleRegression regression = new SimpleRegression();
    int points = 0;
    for (ZipfRow row : rows) {
      if (row.members() > 0 && row.rank() > 0) {
        regression.addData(Math.log(row.rank()), Math.log(row.members()));
        points++;
      }
    }
    if (points < 2) {
      return new ZipfFit(Double.NaN, Double.NaN, points);
    }
    return new ZipfFit(-regression.getSlope(), Math.exp(regression.getIntercept()), points);
  }

  /** Returns the members the fit predicts at {@code rank}. */
  double members(double rank) {
    return scale * Math.pow(rank, -exponent);
  }
}
