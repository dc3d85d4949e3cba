package org.redditclone.engine.votes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class VoteTableTest {

  @Test
  void table_agreesWithAHashMapOverManyRandomVotes() {
    VoteTable table = new VoteTable();
    Map<Integer, Byte> reference = new HashMap<>();
    Random random = new Random(1);
    for (int i = 0; i < 100_000; i++) {
      int user = 1 + random.nextInt(5_000);
      byte vote = (byte) (random.nextInt(3) - 1);
      byte expectedOld = reference.getOrDefault(user, (byte) 0);
      assertEquals(expectedOld, table.put(user, vote), "old vote of " + user);
      reference.put(user, vote);
    }
    for (int user = 1; user <= 5_000; user++) {
      assertEquals((byte) reference.getOrDefault(user, (byte) 0), table.get(user));
    }
  }

  @Test
  void retractingAVoteNeverCast_storesNothing() {
    VoteTable table = new VoteTable();
    assertEquals(0, table.put(7, (byte) 0));
    assertEquals(0, table.size());
  }
}
