package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ZipfMembershipTest {

  @ParameterizedTest(name = "M={0} s={1}")
  @CsvSource({"100, 1.0", "50, 0.8", "200, 1.2"})
  void memberCountsFitTheZipfLaw(int subreddits, double exponent) {
    int users = 20_000;
    int[][] memberships = new ZipfMembership(subreddits, exponent, 42L).draw(users);

    long[] observed = new long[subreddits];
    for (int[] ranks : memberships) {
      for (int rank : ranks) {
        observed[rank - 1]++;
      }
    }
    ZipfDistribution zipf = new ZipfDistribution(null, subreddits, exponent);
    double[] expected = new double[subreddits];
    long total = Arrays.stream(observed).sum();
    for (int k = 1; k <= subreddits; k++) {
      expected[k - 1] = zipf.probability(k) * total;
    }
    double p = new ChiSquareTest().chiSquareTest(expected, observed);
    assertTrue(p > 0.001, "chi-square p = " + p + " for member counts " + Arrays.toString(observed));
  }

  @Test
  void aStrongerLawIsDetectedAsNotFitting() {
    // The test above can fail: memberships drawn with s = 1.3 do not fit s = 1.0.
    int[][] memberships = new ZipfMembership(100, 1.3, 7L).draw(20_000);
    long[] observed = new long[100];
    for (int[] ranks : memberships) {
      for (int rank : ranks) {
        observed[rank - 1]++;
      }
    }
    ZipfDistribution zipf = new ZipfDistribution(null, 100, 1.0);
    double[] expected = new double[100];
    for (int k = 1; k <= 100; k++) {
      expected[k - 1] = zipf.probability(k);
    }
    assertTrue(new ChiSquareTest().chiSquareTest(expected, observed) < 0.001);
  }

  @Test
  void eachUserJoinsDistinctSubredditsWithMeanAboutThree() {
    int[][] memberships = new ZipfMembership(100, 1.0, 1L).draw(10_000);
    long joins = 0;
    for (int[] ranks : memberships) {
      assertTrue(ranks.length >= 1 && ranks.length <= ZipfMembership.MAX_PER_USER);
      assertEquals(ranks.length, Arrays.stream(ranks).distinct().count(), Arrays.toString(ranks));
      joins += ranks.length;
    }
    double mean = joins / 10_000.0;
    assertTrue(Math.abs(mean - (1 + ZipfMembership.MEAN_EXTRA)) < 0.1, "mean " + mean);
  }

  @Test
  void theSameSeedDrawsTheSameMemberships() {
    int[][] a = new ZipfMembership(100, 1.0, 99L).draw(500);
    int[][] b = new ZipfMembership(100, 1.0, 99L).draw(500);
    assertTrue(Arrays.deepEquals(a, b));
  }

  @Test
  void aSingleSubredditIsJoinedByEveryone() {
    int[][] memberships = new ZipfMembership(1, 1.0, 3L).draw(100);
    for (int[] ranks : memberships) {
      assertEquals(1, ranks.length);
      assertEquals(1, ranks[0]);
    }
  }

  @Test
  void theTableSamplesTheSameLaw() {
    ZipfTable table = new ZipfTable(100, 1.0);
    long[] observed = new long[100];
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (int i = 0; i < 100_000; i++) {
      observed[table.sample(r) - 1]++;
    }
    double[] expected = new double[100];
    for (int k = 1; k <= 100; k++) {
      expected[k - 1] = table.probability(k);
    }
    assertTrue(new ChiSquareTest().chiSquareTest(expected, observed) > 0.001);
  }
}
