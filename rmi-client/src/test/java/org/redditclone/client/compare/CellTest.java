package org.redditclone.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CellTest {

  @ParameterizedTest
  @CsvSource({"100, 50, -50", "50, 100, 100", "2, 2, 0", "0, 0, 0", "10, 10.5, 5", "-4, -2, 50"})
  void percentChange_isTheChangeInPercentOfA(double a, double b, double change) {
    assertEquals(change, Cell.percentChange(a, b), 1e-9);
  }

  @Test
  void percentChange_fromZero_isInfinite_andFromNothing_isNaN() {
    assertEquals(Double.POSITIVE_INFINITY, Cell.percentChange(0, 3));
    assertEquals(Double.NaN, Cell.percentChange(Double.NaN, 3));
  }

  @Test
  void regression_isASignificantChangeForTheWorseBeyondThePercentage() {
    Significance significant = new Significance(Significance.Test.SECONDS, 0.001, 20, 20);
    Significance notSignificant = new Significance(Significance.Test.SECONDS, 0.4, 20, 20);
    assertTrue(new Cell(Metric.THROUGHPUT, 100, 80, significant).regression(0.05, 10));
    assertFalse(new Cell(Metric.THROUGHPUT, 100, 95, significant).regression(0.05, 10));
    assertFalse(new Cell(Metric.THROUGHPUT, 100, 120, significant).regression(0.05, 10));
    assertFalse(new Cell(Metric.THROUGHPUT, 100, 50, notSignificant).regression(0.05, 10));
    assertTrue(new Cell(Metric.P99, 10, 12, significant).regression(0.05, 10));
    assertFalse(new Cell(Metric.P99, 10, 8, significant).regression(0.05, 10));
    assertTrue(new Cell(Metric.ERROR_RATE, 0, 1, significant).regression(0.05, 10));
  }

  @Test
  void format_change_showsSignAndTwoDecimals() {
    assertEquals("-49.80%", Format.change(-49.8));
    assertEquals("+0.00%", Format.change(0));
    assertEquals("+inf%", Format.change(Double.POSITIVE_INFINITY));
    assertEquals("-", Format.change(Double.NaN));
  }
}
