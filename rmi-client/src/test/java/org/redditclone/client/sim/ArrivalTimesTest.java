package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class ArrivalTimesTest {

  @Test
  void meanGapIsWithinFivePercentOfOneOverTheRate() {
    double rate = 2000;
    ArrivalTimes arrivals = new ArrivalTimes(rate, 12345L);
    long oneSecond = 1_000_000_000L;
    int count = 0;
    long last = 0;
    double sumSquares = 0;
    long t;
    while ((t = arrivals.next()) < oneSecond) {
      double gap = t - last;
      sumSquares += gap * gap;
      last = t;
      count++;
    }
    double meanGap = (double) last / count;
    double expected = oneSecond / rate;
    assertTrue(Math.abs(meanGap - expected) / expected < 0.05,
        "mean gap " + meanGap + " ns, expected " + expected + " ns");
    assertTrue(Math.abs(count - rate) / rate < 0.05, count + " arrivals in one planned second");
    // Exponential gaps: the standard deviation equals the mean (a fixed-interval timer has 0).
    double sd = Math.sqrt(sumSquares / count - meanGap * meanGap);
    assertTrue(Math.abs(sd - meanGap) / meanGap < 0.1, "sd " + sd + " vs mean " + meanGap);
  }

  @Test
  void plannedTimesIncreaseAndFollowTheSeed() {
    ArrivalTimes a = new ArrivalTimes(500, 9L);
    ArrivalTimes b = new ArrivalTimes(500, 9L);
    long last = -1;
    for (int i = 0; i < 1000; i++) {
      long t = a.next();
      assertTrue(t >= last);
      assertEquals(t, b.next());
      last = t;
    }
  }

  @Test
  void aRateOfZeroIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ArrivalTimes(0, 1L));
    assertTrue(e.getMessage().contains("rate 0.0"), e.getMessage());
  }
}
