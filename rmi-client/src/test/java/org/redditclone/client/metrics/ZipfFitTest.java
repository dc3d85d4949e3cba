package org.redditclone.client.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class ZipfFitTest {

  @Test
  void recoversTheExponentOfAnExactLaw() {
    long[] members = new long[50];
    for (int rank = 1; rank <= 50; rank++) {
      members[rank - 1] = Math.round(10_000 * Math.pow(rank, -1.2));
    }
    ZipfFit fit = ZipfFit.of(members);
    assertEquals(1.2, fit.exponent(), 0.01);
    assertEquals(10_000, fit.scale(), 150);
    assertEquals(ZipfFit.TOP, fit.points());
  }

  @Test
  void fitsTheTopRanksOnly() {
    long[] members = new long[40];
    for (int rank = 1; rank <= 40; rank++) {
      // the law with s = 1 on the top 20, flat beyond: the tail must not bend the fit
      members[rank - 1] = rank <= ZipfFit.TOP ? Math.round(20_000.0 / rank) : 1_000;
    }
    assertEquals(1.0, ZipfFit.of(members).exponent(), 0.01);
  }

  @Test
  void ignoresRanksWithoutMembers() {
    ZipfFit fit = ZipfFit.of(new long[] {100, 0});
    assertEquals(1, fit.points());
    assertEquals(Double.NaN, fit.exponent());
  }
}
