package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class LongRingTest {

  @Test
  void keepsTheNewestItemsAndForgetsRemovedOnes() {
    LongRing ring = new LongRing(3);
    for (long i = 1; i <= 5; i++) {
      ring.add(i);
    }
    assertEquals(3, ring.size());
    assertEquals(5, ring.newest());
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 100; i++) {
      long item = ring.random(r);
      assertTrue(item >= 3 && item <= 5, "item " + item);
    }
    ring.remove(4);
    assertEquals(2, ring.size());
    for (int i = 0; i < 100; i++) {
      assertTrue(ring.random(r) != 4);
    }
    ring.add(6);
    assertEquals(6, ring.newest());
    assertEquals(3, ring.size());
  }

  @Test
  void packedReferencesKeepIdAndAuthorClient() {
    long ref = Ref.of(123_456_789L, "u42_abcd_7");
    assertEquals(123_456_789L, Ref.id(ref));
    assertEquals(42, Ref.client(ref));
    assertEquals(0, Ref.client(Ref.of(5, "alice")));
  }
}
