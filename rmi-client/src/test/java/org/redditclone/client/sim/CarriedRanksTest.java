package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class CarriedRanksTest {

  @Test
  void takesTheOldestRankThatFitsAndKeepsTheOthersInOrder() {
    CarriedRanks carried = new CarriedRanks(8);
    carried.add(3);
    carried.add(5);
    carried.add(4);
    carried.add(6);
    assertEquals(4, carried.takeFirst(rank -> rank % 2 == 0));
    assertEquals(3, carried.size());
    assertEquals(3, carried.takeFirst(rank -> true));
    assertEquals(5, carried.takeFirst(rank -> true));
    assertEquals(6, carried.takeFirst(rank -> true));
    assertEquals(0, carried.takeFirst(rank -> true));
  }

  @Test
  void aFullCarryDropsItsOldestDraw() {
    CarriedRanks carried = new CarriedRanks(2);
    carried.add(1);
    carried.add(2);
    carried.add(3);
    assertEquals(2, carried.size());
    assertEquals(0, carried.takeFirst(rank -> rank == 1));
    assertEquals(2, carried.takeFirst(rank -> true));
  }

  @Test
  void refusesACapacityBelowOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CarriedRanks(0));
    assertEquals("capacity is 0; it must be 1 or more", e.getMessage());
  }
}
