package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.redditclone.api.VoteDirection;

final class VoteLedgerTest {

  @Test
  void countsVotesCurrentlyCastNotVotingCalls_andSaysHowEachCallChangedThem() {
    VoteLedger ledger = new VoteLedger();
    assertEquals(1, ledger.set(1, false, 10, VoteDirection.UP));
    assertEquals(0, ledger.set(1, false, 10, VoteDirection.DOWN)); // changed: still one vote
    assertEquals(1, ledger.set(1, true, 10, VoteDirection.UP)); // a comment with the same id is another item
    assertEquals(1, ledger.set(2, false, 10, VoteDirection.UP));
    assertEquals(0, ledger.set(3, false, 11, VoteDirection.NONE)); // retracting a vote never cast: nothing
    assertEquals(3, ledger.cast());
    assertEquals(-1, ledger.set(2, false, 10, VoteDirection.NONE));
    assertEquals(2, ledger.cast());
    assertEquals(VoteDirection.DOWN, ledger.get(1, false, 10));
    assertEquals(VoteDirection.NONE, ledger.get(2, false, 10));
    assertEquals(VoteDirection.NONE, ledger.get(9, false, 10));
  }

  @Test
  void keepsEveryVoteAcrossGrowth() {
    VoteLedger ledger = new VoteLedger();
    for (int user = 0; user < 1000; user++) {
      for (long item = 1; item <= 50; item++) {
        ledger.set(user, item % 2 == 0, item, item % 3 == 0 ? VoteDirection.DOWN : VoteDirection.UP);
      }
    }
    assertEquals(50_000, ledger.cast());
    assertEquals(VoteDirection.DOWN, ledger.get(999, false, 3));
    assertEquals(VoteDirection.UP, ledger.get(0, true, 50));
  }
}
