package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

final class MemberCountsTest {

  @Test
  void drawsEachMembershipAlike() {
    int[] counts = {0, 50, 0, 7, 120, 1, 0, 30, 9, 0, 200, 3, 0};
    MemberCounts members = new MemberCounts(counts.length);
    for (int rank = 1; rank <= counts.length; rank++) {
      members.add(rank, counts[rank - 1]);
    }
    assertEquals(420, members.total());
    long[] drawn = new long[counts.length];
    SplittableRandom r = new SplittableRandom(4);
    for (int i = 0; i < 200_000; i++) {
      int rank = members.sample(r);
      assertTrue(counts[rank - 1] > 0, "rank " + rank + " has no member");
      drawn[rank - 1]++;
    }
    double[] expected = new double[8];
    long[] observed = new long[8];
    for (int rank = 1, at = 0; rank <= counts.length; rank++) {
      if (counts[rank - 1] > 0) {
        expected[at] = counts[rank - 1];
        observed[at++] = drawn[rank - 1];
      }
    }
    assertTrue(new ChiSquareTest().chiSquareTest(expected, observed) > 0.001);
  }

  @Test
  void followsChangesAndDrawsNothingWhenEmpty() {
    MemberCounts members = new MemberCounts(5);
    SplittableRandom r = new SplittableRandom(5);
    assertEquals(0, members.sample(r));
    members.add(5, 2);
    members.add(2, 1);
    members.add(2, -1);
    assertEquals(5, members.sample(r));
    assertEquals(2, members.count(5));
    members.add(5, -2);
    assertEquals(0, members.sample(r));
  }

  @Test
  void refusesToCountBelowZeroOrOutsideTheRanks() {
    MemberCounts members = new MemberCounts(3);
    members.add(2, 1);
    IllegalStateException below = assertThrows(IllegalStateException.class, () -> members.add(2, -2));
    assertEquals("rank 2 has 1 members; it cannot lose 2", below.getMessage());
    IllegalArgumentException outside =
        assertThrows(IllegalArgumentException.class, () -> members.add(4, 1));
    assertEquals("rank is 4; it must be 1..3", outside.getMessage());
  }
}
