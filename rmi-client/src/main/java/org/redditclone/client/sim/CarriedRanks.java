package org.redditclone.client.sim;

import java.util.function.IntPredicate;

/**
 * Ranks drawn for one user that it could not take (it already held a rank drawn for it to join,
 * or did not hold a rank drawn for it to leave), kept in draw order for the next user who can.
 *
 * <p>Carrying a draw instead of throwing it away makes every draw exactly one join or leave, so
 * the joins and leaves per rank follow the law the ranks were drawn from. Bounded: when full, the
 * oldest draw is dropped, which only happens when the law cannot be met (a rank that every user
 * already holds). Not thread-safe.
 */
final class CarriedRanks {

  private final int[] ranks;
  private int size;

  /** Returns an empty carry that keeps at most {@code capacity} draws. */
  CarriedRanks(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity is " + capacity + "; it must be 1 or more");
    }
    this.ranks = new int[capacity];
  }

  /** Carries {@code rank}, dropping the oldest draw if the carry is full. */
  void add(int rank) {
    if (size == ranks.length) {
      System.arraycopy(ranks, 1, ranks, 0, --size);
    }
    ranks[size++] = rank;
  }

  /** Removes and returns the oldest carried rank that {@code fits}, or 0 if none does. */
  int takeFirst(IntPredicate fits) {
    for (int i = 0; i < size; i++) {
      int rank = ranks[i];
      if (fits.test(rank)) {
        System.arraycopy(ranks, i + 1, ranks, i, --size - i);
        return rank;
      }
    }
    return 0;
  }

  /** Returns how many draws are carried. */
  int size() {
    return size;
  }
}
