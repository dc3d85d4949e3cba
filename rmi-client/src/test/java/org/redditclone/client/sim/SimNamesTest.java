package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Limits;

final class SimNamesTest {

  @Test
  void theLongestUserNamesAreValidUsernames() throws InvalidInputException {
    for (int k : new int[] {1, 12, 999, 9999}) {
      for (int users : new int[] {1, 1000, 99_999}) {
        String tag = SimNames.tag("20250101-120000", 42L, k, users);
        String name = SimNames.user(k, users - 1, tag);
        assertEquals(name, Limits.username("username", name));
        assertTrue(tag.length() >= SimNames.MIN_TAG, tag);
      }
    }
  }

  @Test
  void theClientIdIsReadBackFromAName() {
    String tag = SimNames.tag("run", 1L, 17, 1000);
    assertEquals(17, SimNames.clientOf(SimNames.user(17, 999, tag)));
    assertEquals(3, SimNames.clientOf("u3_0123_7"), "a tag of digits only");
    assertEquals(0, SimNames.clientOf("alice"));
    assertEquals(0, SimNames.clientOf("u1_abcd"));
    assertEquals(0, SimNames.clientOf("u1_abcd_"));
    assertEquals(0, SimNames.clientOf("u1_ABCD_2"));
    assertEquals(0, SimNames.clientOf("u1_abcd_2x"));
    assertEquals(0, SimNames.clientOf("u1__2"));
    assertEquals(0, SimNames.clientOf("ux_abcd_2"));
    assertEquals(0, SimNames.clientOf(null));
  }

  @Test
  void aClientsUsersAreTheNamesThatStartWithItsPrefix_andNoOtherClientsOrRunsAre() {
    String tag = SimNames.tag("run", 1L, 1, 1000);
    String prefix = SimNames.userPrefix(1, tag);
    assertTrue(SimNames.user(1, 0, tag).startsWith(prefix));
    assertTrue(SimNames.user(1, 999, tag).startsWith(prefix));
    assertTrue(!SimNames.user(11, 0, tag).startsWith(prefix), "client 11");
    String otherRun = SimNames.tag("run2", 1L, 1, 1000);
    assertTrue(!SimNames.user(1, 0, otherRun).startsWith(prefix), "another run's client 1");
    assertTrue(!SimNames.user(1, 0, tag + "x").startsWith(prefix), "a longer tag");
  }

  @Test
  void runsAndClientsGetDifferentTags() {
    assertNotEquals(SimNames.tag("run-a", 1L, 1, 1000), SimNames.tag("run-b", 1L, 1, 1000));
    assertNotEquals(SimNames.tag("run-a", 1L, 1, 1000), SimNames.tag("run-a", 2L, 1, 1000));
    assertNotEquals(SimNames.tag("run-a", 1L, 1, 1000), SimNames.tag("run-a", 1L, 2, 1000));
    assertEquals(SimNames.tag("run-a", 1L, 1, 1000), SimNames.tag("run-a", 1L, 1, 1000));
  }

  @Test
  void subredditNamesCarryTheirRank() throws InvalidInputException {
    assertEquals("sim_r00001", SimNames.subreddit(1));
    assertEquals("sim_r99999", Limits.subredditName(SimNames.subreddit(99_999)));
    assertEquals(42, SimNames.rankOf("SIM_R00042"));
    assertEquals(0, SimNames.rankOf("sim_r0042"));
    assertEquals(0, SimNames.rankOf("pics"));
  }

  @Test
  void passwordsAreDerivedAndValid() throws InvalidInputException {
    String p = SimNames.password("u1_abcd_0", 5L);
    assertEquals(p, SimNames.password("u1_abcd_0", 5L));
    assertNotEquals(p, SimNames.password("u1_abcd_1", 5L));
    Limits.text("password", p, Limits.PASSWORD_MIN, Limits.PASSWORD_MAX);
  }
}
