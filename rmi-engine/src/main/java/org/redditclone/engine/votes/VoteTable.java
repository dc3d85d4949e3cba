package org.redditclone.engine.votes;

import java.util.Arrays;

/**
 * A compact map from user id to vote (+1, -1 or 0) for one item: open addressing over an int and a
 * byte array, about 7 bytes per vote instead of ~80 for boxed map entries. Not thread-safe; the
 * owning item's lock guards it.
 */
final class VoteTable {

  private static final int EMPTY = 0; // user ids start at 1

  private int[] keys = new int[4];
  private byte[] values = new byte[4];
  private int size;

  /** Returns the vote of {@code userId}, 0 if none. */
  byte get(int userId) {
    int slot = find(keys, userId);
    return keys[slot] == userId ? values[slot] : 0;
  }

  /** Sets the vote of {@code userId} and returns the previous one, 0 if none. */
  byte put(int userId, byte vote) {
    if (userId == EMPTY) {
      throw new IllegalArgumentException("userId cannot be " + EMPTY);
    }
    int slot = find(keys, userId);
    if (keys[slot] == userId) {
      byte old = values[slot];
      values[slot] = vote;
      return old;
    }
    if (vote == 0) {
      return 0; // retracting a vote never cast: nothing to store
    }
    keys[slot] = userId;
    values[slot] = vote;
    if (++size * 4 > keys.length * 3) {
      grow();
    }
    return 0;
  }

  /** Returns how many users have an entry, retracted votes included. */
  int size() {
    return size;
  }

  private void grow() {
    int[] oldKeys = keys;
    byte[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new byte[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = find(keys, oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  /** Returns the slot holding {@code userId} or the empty slot where it belongs. */
  private static int find(int[] keys, int userId) {
    int mask = keys.length - 1;
    int slot = (userId * 0x9E3779B9) >>> 7 & mask; // spread sequential ids over the table
    while (keys[slot] != EMPTY && keys[slot] != userId) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  @Override
  public String toString() {
    return "VoteTable[size=" + size + ", capacity=" + keys.length + ", keys=" + Arrays.toString(keys) + "]";
  }
}
