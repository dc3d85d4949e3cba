package org.redditclone.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ChartsTest {

  @ParameterizedTest
  @CsvSource({"0, 0%", "1, 90%", "2, 99%", "3, 99.9%", "4, 99.99%", "0.5, ''", "2.25, ''"})
  void percentileLabel_namesTheDecadesOfTheSpectrum(double decades, String label) {
    assertEquals(label, Charts.percentileLabel(decades));
  }
}
