package org.redditclone.client.sim;

import org.redditclone.api.VoteDirection;

/**
 * The current vote of each of this client's users on each post or comment it voted on, and the
 * count of votes currently cast: the {@code acked.votes} the engine's vote count is checked
 * against.
 *
 * <p>An open-addressing table of longs and bytes: about 10 bytes a vote instead of the 80 of a
 * boxed map, since a long run casts hundreds of thousands of votes.
 */
final class VoteLedger {

  private static final byte NONE = 0;

  private long[] keys = new long[1 << 12];
  private byte[] values = new byte[1 << 12];
  private int entries;
  private long cast;

  /** Returns the vote {@code user} has on the item now, NONE if it never voted. */
  synchronized VoteDirection get(int user, boolean comment, long itemId) {
    int slot = find(key(user, comment, itemId));
    return slot < 0 ? VoteDirection.NONE : decode(values[slot]);
  }

  /**
   * Records that the engine now holds {@code direction} as {@code user}'s vote on the item; returns
   * the change in the votes cast: 1, 0 or -1.
   */
  synchronized int set(int user, boolean comment, long itemId, VoteDirection direction) {
    long before = cast;
    long key = key(user, comment, itemId);
    int slot = find(key);
    byte value = encode(direction);
    if (slot < 0) {
      if (value == NONE) {
        return 0;
      }
      if ((entries + 1) * 4L > keys.length * 3L) {
        grow();
      }
      slot = insertSlot(key);
      keys[slot] = key;
      entries++;
    } else if (values[slot] != NONE) {
      cast--;
    }
    values[slot] = value;
    if (value != NONE) {
      cast++;
    }
    return (int) (cast - before);
  }

  /** Returns the number of votes currently cast. */
  synchronized long cast() {
    return cast;
  }

  private static long key(int user, boolean comment, long itemId) {
    // 0 marks a free slot, and itemId > 0, so no key is 0.
    return (long) user << 41 | (comment ? 1L << 40 : 0) | (itemId & ((1L << 40) - 1));
  }

  private int find(long key) {
    int mask = keys.length - 1;
    for (int i = (int) SimNames.mix(key) & mask; ; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return i;
      }
      if (keys[i] == 0) {
        return -1;
      }
    }
  }

  private int insertSlot(long key) {
    int mask = keys.length - 1;
    int i = (int) SimNames.mix(key) & mask;
    while (keys[i] != 0) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    byte[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new byte[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = insertSlot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  private static byte encode(VoteDirection d) {
    return (byte) d.value();
  }

  private static VoteDirection decode(byte b) {
    return b > 0 ? VoteDirection.UP : b < 0 ? VoteDirection.DOWN : VoteDirection.NONE;
  }
}
