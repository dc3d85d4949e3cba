package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class WorldTest {

  private final SplittableRandom random = new SplittableRandom(3);

  private Set<Long> recent(World world) {
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 5_000; i++) {
      seen.add(world.randomRecentPost(random));
    }
    return seen;
  }

  @Test
  void aForgottenPostIsNeverPickedAgain_evenTheNewest() {
    World world = new World(1, 5);
    world.addRecentPost(11);
    world.addRecentPost(12);
    world.addRecentPost(13);
    world.forgetPost(13);
    assertEquals(Set.of(11L, 12L), recent(world));
    world.forgetPost(11);
    world.forgetPost(12);
    assertEquals(0, world.randomRecentPost(random));
    world.addRecentPost(14);
    assertEquals(Set.of(14L), recent(world));
  }

  @Test
  void forgettingInAFullRingKeepsEveryOtherPost() {
    World world = new World(1, 5);
    for (long ref = 1; ref <= 600; ref++) {
      world.addRecentPost(ref); // 512 slots: 89..600 stay
    }
    world.forgetPost(300);
    Set<Long> seen = recent(world);
    assertTrue(!seen.contains(300L) && !seen.contains(0L), "300 forgotten, no empty slot picked");
    world.addRecentPost(601);
    world.forgetPost(601);
    assertTrue(!recent(world).contains(601L));
  }

  @Test
  void aForgottenPopularPostIsNoLongerReposted() {
    World world = new World(1, 5);
    world.addPopularPost(21, 2);
    world.addPopularPost(22, 3);
    world.forgetPost(22);
    for (int i = 0; i < 100; i++) {
      assertEquals(21, world.randomPopularPost(random)[0]);
    }
    world.forgetPost(21);
    assertNull(world.randomPopularPost(random));
  }

  @Test
  void onlyUsersOfOtherClientsAreForeign() {
    World world = new World(1, 5);
    world.noteAuthor("u1_3_abcd");
    world.noteAuthor("alice");
    assertNull(world.randomForeignUser(random));
    world.noteAuthor("u7_3_abcd");
    assertEquals("u7_3_abcd", world.randomForeignUser(random));
  }
}
