package org.redditclone.engine.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the formulas against values worked out by hand from Reddit's published code. */
final class RankingTest {

  private static final long EPOCH_MILLIS = Ranking.HOT_EPOCH_SECONDS * 1000;

  @ParameterizedTest(name = "hot({0}, {1}, {2}) = {3}")
  @CsvSource({
    // ups, downs, createdAtMillis, expected
    "0, 0, " + EPOCH_MILLIS + ", 0.0",
    "10, 0, " + EPOCH_MILLIS + ", 1.0",
    "0, 10, " + EPOCH_MILLIS + ", -1.0",
    "1, 0, " + EPOCH_MILLIS + ", 0.0",
    "100, 0, " + (EPOCH_MILLIS + 45_000_000) + ", 3.0",
    "1000, 1, " + (EPOCH_MILLIS + 4_500_000) + ", 3.0995655",
    "1, 0, 1700000000000, 12577.1554889",
    "0, 5, 1700000000000, 12576.4565189",
    "5, 0, 1700000000500, 12577.85447",
  })
  void hot_matchesRedditsFormula(int ups, int downs, long created, double expected) {
    assertEquals(expected, Ranking.hot(ups, downs, created), 1e-9);
  }

  @ParameterizedTest(name = "controversial({0}, {1}) = {2}")
  @CsvSource({
    "0, 0, 0.0",
    "5, 0, 0.0",
    "0, 5, 0.0",
    "1, 1, 2.0",
    "5, 5, 10.0",
    "10, 5, 3.872983346207417",
    "5, 10, 3.872983346207417",
    "100, 1, 1.0472327459898225",
    "3, 7, 2.6826957952797255",
  })
  void controversial_isMagnitudeToThePowerOfBalance(int ups, int downs, double expected) {
    assertEquals(expected, Ranking.controversial(ups, downs), 1e-12);
  }

  @ParameterizedTest(name = "best({0}, {1}) = {2}")
  @CsvSource({
    "0, 0, 0.0",
    "0, 3, 0.0",
    "1, 0, 0.37844750322520615",
    "10, 0, 0.8589313179093836",
    "1, 1, 0.16425172002984176",
    "5, 5, 0.3122044448804655",
    "100, 50, 0.615769277162484",
  })
  void best_isWilsonLowerBound(int ups, int downs, double expected) {
    assertEquals(expected, Ranking.best(ups, downs), 1e-12);
  }

  @ParameterizedTest(name = "top({0}, {1}) = {2}")
  @CsvSource({"0, 0, 0", "7, 2, 5", "2, 7, -5"})
  void top_isScore(int ups, int downs, double expected) {
    assertEquals(expected, Ranking.top(ups, downs));
  }
}
