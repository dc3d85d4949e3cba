package org.redditclone.client.sim;

import java.util.SplittableRandom;

/**
 * A few longs, the newest overwriting the oldest: a user's memory of post, comment or message
 * ids. Items fill {@code items[0..size)}. Not thread-safe; guarded by its owner.
 */
final class LongRing {

  private final long[] items;
  private byte size;
  private byte oldest;
  private byte newest = -1;

  LongRing(int capacity) {
    if (capacity < 1 || capacity > Byte.MAX_VALUE) {
      throw new IllegalArgumentException("capacity " + capacity + " must be 1..127");
    }
    this.items = new long[capacity];
  }

  void add(long item) {
    int at;
    if (size < items.length) {
      at = size++;
    } else {
      at = oldest;
      oldest = (byte) ((oldest + 1) % items.length);
    }
    items[at] = item;
    newest = (byte) at;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** Returns the item added last, or 0 if empty. */
  long newest() {
    return size == 0 ? 0 : items[newest];
  }

  /** Returns a random item, or 0 if empty. */
  long random(SplittableRandom random) {
    return size == 0 ? 0 : items[random.nextInt(size)];
  }

  /** Forgets every occurrence of {@code item}, for example a post that no longer exists. */
  void remove(long item) {
    for (int i = size - 1; i >= 0; i--) {
      if (items[i] == item) {
        int last = size - 1;
        items[i] = items[last];
        items[last] = 0;
        size--;
        oldest = 0;
        newest = (byte) (size - 1);
      }
    }
  }
}
