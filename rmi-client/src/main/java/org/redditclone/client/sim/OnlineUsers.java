package org.redditclone.client.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The users online now, as indexes into the client's users: add, remove and random pick in O(1). */
final class OnlineUsers {

  private final int[] members;
  private final int[] position;
  private int size;

  OnlineUsers(int users) {
    members = new int[users];
    position = new int[users];
    Arrays.fill(position, -1);
  }

  synchronized void add(int user) {
    if (position[user] < 0) {
      position[user] = size;
      members[size++] = user;
    }
  }

  synchronized void remove(int user) {
    int at = position[user];
    if (at >= 0) {
      int last = members[--size];
      members[at] = last;
      position[last] = at;
      position[user] = -1;
    }
  }

  /** Returns a random online user, or -1 if nobody is online. */
  synchronized int random(SplittableRandom random) {
    return size == 0 ? -1 : members[random.nextInt(size)];
  }

  synchronized int size() {
    return size;
  }
}
