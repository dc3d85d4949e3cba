package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class WorldTest {

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
