package org.redditclone.engine.ranking;

/**
 * Reddit's published ranking formulas, as pure functions of the vote counts and the creation time.
 *
 * <p>Every listing sorts by one of these values, highest first, ties broken by the higher id.
 */
public final class Ranking {

  /** Reddit's epoch for the hot formula: 2005-12-08T07:46:43Z, in epoch seconds. */
  public static final long HOT_EPOCH_SECONDS = 1_134_028_003L;

  /** The z of the Wilson score lower bound for 80% confidence, as Reddit uses for "best". */
  public static final double WILSON_Z = 1.281551565545;

  private Ranking() {}

  /**
   * Returns the hot rank: log10 of the score's magnitude, signed, plus the age term; rounded to 7
   * decimals. Newer posts outrank older ones by one order of magnitude of score per 12.5 hours.
   */
  public static double hot(int ups, int downs, long createdAtMillis) {
    long s = (long) ups - downs;
    double order = Math.log10(Math.max(Math.abs(s), 1));
    double sign = Long.signum(s);
    double seconds = createdAtMillis / 1000.0 - HOT_EPOCH_SECONDS;
    return round7(sign * order + seconds / 45_000.0);
  }

  /** Returns the top rank: the score, upvotes minus downvotes. */
  public static double top(int ups, int downs) {
    return (double) ups - downs;
  }

  /** Returns the new rank: the creation time in epoch milliseconds. */
  public static double fresh(long createdAtMillis) {
    return createdAtMillis;
  }

  /**
   * Returns the controversial rank: the number of votes raised to the balance of the split, 0 when
   * either side has no votes.
   */
  public static double controversial(int ups, int downs) {
    if (ups <= 0 || downs <= 0) {
      return 0;
    }
    double magnitude = (double) ups + downs;
    double balance = ups > downs ? (double) downs / ups : (double) ups / downs;
    return Math.pow(magnitude, balance);
  }

  /**
   * Returns the best rank: the Wilson score lower bound of the upvote share at {@link #WILSON_Z},
   * 0 when there are no votes. Few votes give a cautious rank, many votes a confident one.
   */
  public static double best(int ups, int downs) {
    double n = (double) ups + downs;
    if (n <= 0) {
      return 0;
    }
    double z = WILSON_Z;
    double p = ups / n;
    double z2 = z * z;
    return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
  }

  private static double round7(double value) {
    // Reddit rounds to 7 places; do the same so equal inputs give equal keys on every platform.
    return Math.round(value * 1e7) / 1e7;
  }
}
