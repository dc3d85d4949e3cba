package org.redditclone.client.compare;

import static java.util.Objects.requireNonNull;

/**
 * How a change was tested and what came out.
 *
 * @param test the test
 * @param pValue its two-sided p-value; NaN when untested
 * @param nA the samples of side A (runs, seconds or calls)
 * @param nB the samples of side B
 */
record Significance(Test test, double pValue, int nA, int nB) {

  /** The tests a change can be judged by. */
  enum Test {
    /** Mann-Whitney U over the per-run figures of merged.csv (3 or more runs a side). */
    RUNS("mann-whitney-runs"),
    /** Mann-Whitney U over the per-second figures of timeline.csv. */
    SECONDS("mann-whitney-seconds"),
    /** Quantile test (Fisher) over the calls of the hlogs (p99, p99.9 with fewer than 3 runs). */
    QUANTILE("quantile-fisher-hlog"),
    /** Not tested: too few samples or nothing to compare. */
    NONE("none");

    final String label;

    Test(String label) {
      this.label = label;
    }
  }

  /** What a change is judged as. */
  enum Verdict {
    SIGNIFICANT("significant"),
    NOT_SIGNIFICANT("~"),
    UNTESTED("untested");

    final String label;

    Verdict(String label) {
      this.label = label;
    }
  }

  Significance {
    requireNonNull(test, "test");
  }

  /** Returns an untested result with the sample sizes found. */
  static Significance untested(int nA, int nB) {
    return new Significance(Test.NONE, Double.NaN, nA, nB);
  }

  /** Returns the verdict at significance level {@code alpha}. */
  Verdict verdict(double alpha) {
    if (test == Test.NONE || Double.isNaN(pValue)) {
      return Verdict.UNTESTED;
    }
    return pValue < alpha ? Verdict.SIGNIFICANT : Verdict.NOT_SIGNIFICANT;
  }
}
