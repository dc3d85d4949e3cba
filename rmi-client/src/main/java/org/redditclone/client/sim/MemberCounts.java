package org.redditclone.client.sim;

import java.util.SplittableRandom;

/**
 * How many of one client's memberships each subreddit rank 1..M holds, and one membership drawn
 * uniformly: a Fenwick tree, so a change and a draw cost O(log M) whatever M is. Not thread-safe.
 */
final class MemberCounts {

  private final int[] counts;
  /** tree[i] sums counts of ranks (i - lowbit(i), i]; index 0 unused. */
  private final long[] tree;
  private long total;

  /** Returns counts of zero for ranks 1..{@code ranks}. */
  MemberCounts(int ranks) {
    if (ranks < 1) {
      throw new IllegalArgumentException("ranks is " + ranks + "; it must be 1 or more");
    }
    this.counts = new int[ranks + 1];
    this.tree = new long[ranks + 1];
  }

  /** Adds {@code delta} members to {@code rank}; throws if its count would go below zero. */
  void add(int rank, int delta) {
    if (rank < 1 || rank >= counts.length) {
      throw new IllegalArgumentException("rank is " + rank + "; it must be 1.." + (counts.length - 1));
    }
    if (counts[rank] + delta < 0) {
      throw new IllegalStateException(
          "rank " + rank + " has " + counts[rank] + " members; it cannot lose " + -delta);
    }
    counts[rank] += delta;
    total += delta;
    for (int i = rank; i < tree.length; i += i & -i) {
      tree[i] += delta;
    }
  }

  /** Returns the members of {@code rank}. */
  int count(int rank) {
    return counts[rank];
  }

  /** Returns the members of all ranks. */
  long total() {
    return total;
  }

  /** Returns the rank of a membership drawn uniformly from all, or 0 if there is none. */
  int sample(SplittableRandom random) {
    if (total == 0) {
      return 0;
    }
    long target = random.nextLong(total); // the smallest rank whose prefix sum exceeds target
    int at = 0;
    for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
      int next = at + step;
      if (next < tree.length && tree[next] <= target) {
        at = next;
        target -= tree[next];
      }
    }
    return at + 1;
  }
}
