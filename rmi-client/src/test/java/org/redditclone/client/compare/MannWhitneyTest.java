package org.redditclone.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class MannWhitneyTest {

  @Test
  void identicalSamples_areNotSignificant() {
    double[] x = {10, 12, 11, 13, 9, 10.5, 12.5, 11.5};
    assertEquals(1.0, MannWhitney.pValue(x, x.clone()), 1e-12);
  }

  @Test
  void clearlyShiftedSamples_areSignificant() {
    Random random = new Random(7);
    double[] x = random.doubles(20).map(v -> 100 + 10 * v).toArray();
    double[] y = random.doubles(20).map(v -> 50 + 10 * v).toArray();
    assertTrue(MannWhitney.pValue(x, y) < 1e-6, "p=" + MannWhitney.pValue(x, y));
  }

  @Test
  void samplesOfOneDistribution_areUsuallyNotSignificant() {
    Random random = new Random(11);
    int significant = 0;
    for (int trial = 0; trial < 200; trial++) {
      double[] x = random.doubles(15).toArray();
      double[] y = random.doubles(15).toArray();
      if (MannWhitney.pValue(x, y) < 0.05) {
        significant++;
      }
    }
    assertTrue(significant <= 20, significant + " of 200 trials were significant at 0.05");
  }

  @Test
  void threeRunsAgainstThree_cannotReachFivePercent() {
    assertEquals(0.1, MannWhitney.pValue(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 1e-12);
  }

  @ParameterizedTest
  @CsvSource({"4, 5, 0, 0.015873", "4, 5, 1, 0.031746", "5, 5, 2, 0.031746", "5, 5, 4, 0.095238"})
  void exact_matchesTheTablesOfTheUDistribution(int n1, int n2, long u, double p) {
    assertEquals(p, MannWhitney.exact(n1, n2, u), 1e-6);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "3, 4", "10, 10", "25, 35", "1, 59"})
  void frequencies_sumToTheNumberOfArrangements(int n1, int n2) {
    double sum = Arrays.stream(MannWhitney.frequencies(n1, n2)).sum();
    double arrangements = CombinatoricsUtils.binomialCoefficientDouble(n1 + n2, n1);
    assertEquals(1.0, sum / arrangements, 1e-9);
  }

  @Test
  void largeSamplesWithoutTies_agreeWithTheNormalApproximation() {
    Random random = new Random(5);
    double[] x = random.doubles(150).toArray();
    double[] y = random.doubles(150).map(v -> v + 0.1).toArray();
    double asymptotic = new MannWhitneyUTest().mannWhitneyUTest(x, y);
    assertEquals(asymptotic, MannWhitney.pValue(x, y), 0.01);
  }

  @Test
  void allValuesTied_isNotSignificant() {
    assertEquals(1.0, MannWhitney.pValue(new double[] {0, 0, 0, 0}, new double[] {0, 0, 0}));
  }

  @Test
  void tiedCounts_thatDiffer_areSignificant() {
    double[] x = {60, 61, 60, 59, 60, 61, 60, 62, 60, 59};
    double[] y = {30, 31, 30, 29, 30, 31, 30, 30, 29, 30};
    assertTrue(MannWhitney.pValue(x, y) < 0.001);
  }

  @Test
  void emptySample_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> MannWhitney.pValue(new double[0], new double[] {1}));
  }
}
