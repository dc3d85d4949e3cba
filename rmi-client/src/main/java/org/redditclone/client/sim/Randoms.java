package org.redditclone.client.sim;

import java.util.SplittableRandom;

/**
 * One random source per thread, each split from one seeded root: no contention, and every
 * thread's stream follows from the seed (which thread runs which step still depends on timing).
 */
final class Randoms {

  private final SplittableRandom root;
  private final ThreadLocal<SplittableRandom> perThread;

  Randoms(long seed) {
    this.root = new SplittableRandom(seed);
    this.perThread = ThreadLocal.withInitial(this::split);
  }

  /** Returns the calling thread's random source. */
  SplittableRandom current() {
    return perThread.get();
  }

  /** Returns a new independent source split from the root. */
  synchronized SplittableRandom split() {
    return root.split();
  }
}
