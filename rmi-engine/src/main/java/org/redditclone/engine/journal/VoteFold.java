package org.redditclone.engine.journal;

import java.util.Arrays;

/**
 * The current vote of each user on one item, as an open-addressing int→byte map (user ids start
 * at 1, so 0 marks a free slot). About 5 bytes a vote: a snapshot of millions of votes must not
 * need a boxed map entry each.
 */
final class VoteFold {

  private int[] users = new int[4];
  private byte[] votes = new byte[4];
  private int size;

  void put(int userId, byte vote) {
    int slot = slot(users, userId);
    if (users[slot] != userId) {
      users[slot] = userId;
      if (++size * 4 > users.length * 3) {
        grow();
        slot = slot(users, userId);
      }
    }
    votes[slot] = vote;
  }

  /** Calls {@code each} for every user whose vote is not 0. */
  void forEach(VoteConsumer each) {
    for (int i = 0; i < users.length; i++) {
      if (users[i] != 0 && votes[i] != 0) {
        each.accept(users[i], votes[i]);
      }
    }
  }

  @FunctionalInterface
  interface VoteConsumer {
    void accept(int userId, byte vote);
  }

  private void grow() {
    int[] oldUsers = users;
    byte[] oldVotes = votes;
    users = new int[oldUsers.length * 2];
    votes = new byte[oldUsers.length * 2];
    for (int i = 0; i < oldUsers.length; i++) {
      if (oldUsers[i] != 0) {
        int s = slot(users, oldUsers[i]);
        users[s] = oldUsers[i];
        votes[s] = oldVotes[i];
      }
    }
  }

  private static int slot(int[] keys, int userId) {
    int mask = keys.length - 1;
    int i = (userId * 0x9E3779B9) >>> 1 & mask;
    while (keys[i] != 0 && keys[i] != userId) {
      i = (i + 1) & mask;
    }
    return i;
  }

  @Override
  public String toString() {
    return "VoteFold[size=" + size + ", capacity=" + users.length + ", " + Arrays.hashCode(users) + "]";
  }
}
