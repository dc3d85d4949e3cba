package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
    world.noteAuthor("u1_abcd_3");
    world.noteAuthor("alice");
    assertNull(world.randomForeignUser(random));
    world.noteAuthor("u7_abcd_3");
    assertEquals("u7_abcd_3", world.randomForeignUser(random));
  }

  @Test
  void anAuthorSeenOftenIsNoLikelierARecipientThanOneSeenOnce() {
    World world = new World(1, 10);
    String prolific = SimNames.user(2, 0, "tagtag");
    String rare = SimNames.user(2, 1, "tagtag");
    for (int i = 0; i < 100; i++) {
      world.noteAuthor(prolific);
    }
    world.noteAuthor(rare);
    world.noteAuthor(SimNames.user(1, 5, "tagtag")); // this client's own user: never a recipient
    Map<String, Integer> picked = new HashMap<>();
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      picked.merge(world.randomForeignUser(r), 1, Integer::sum);
    }
    assertEquals(2, picked.size(), picked.toString());
    assertTrue(picked.get(rare) > 4_500, picked.toString());
  }

  @Test
  void aNameOverwrittenInTheRingCanBeNotedAgain() {
    World world = new World(1, 10);
    assertNull(world.randomForeignUser(new SplittableRandom(1)));
    String first = SimNames.user(2, 0, "tagtag");
    world.noteAuthor(first);
    for (int i = 1; i <= 1024; i++) { // fills the ring: the first name is overwritten
      world.noteAuthor(SimNames.user(2, i, "tagtag"));
    }
    world.noteAuthor(first);
    boolean seen = false;
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < 50_000 && !seen; i++) {
      seen = first.equals(world.randomForeignUser(r));
    }
    assertTrue(seen, first + " was noted again after it left the ring");
  }
}
