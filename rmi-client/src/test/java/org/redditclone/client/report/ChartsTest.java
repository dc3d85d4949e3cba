package org.redditclone.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class ChartsTest {

  @ParameterizedTest
  @CsvSource({"0, 0%", "1, 90%", "2, 99%", "3, 99.9%", "4, 99.99%", "0.5, ''", "2.25, ''"})
  void percentileLabel_namesTheDecadesOfTheSpectrum(double decades, String label) {
    assertEquals(label, Charts.percentileLabel(decades));
  }

  @Test
  void zipfFit_recoversTheExponentOfAnExactLaw() {
    List<ZipfRow> rows = new java.util.ArrayList<>();
    for (int rank = 1; rank <= 50; rank++) {
      rows.add(new ZipfRow(rank, "r" + rank, Math.round(10_000 * Math.pow(rank, -1.2)), 0));
    }
    ZipfFit fit = ZipfFit.of(rows);
    assertEquals(1.2, fit.exponent(), 0.01);
    assertEquals(10_000, fit.scale(), 150);
    assertEquals(50, fit.points());
  }

  @Test
  void zipfFit_ignoresRanksWithoutMembers() {
    ZipfFit fit = ZipfFit.of(List.of(new ZipfRow(1, "a", 100, 0), new ZipfRow(2, "b", 0, 0)));
    assertEquals(1, fit.points());
    assertEquals(Double.NaN, fit.exponent());
  }
}
