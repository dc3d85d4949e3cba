package org.redditclone.client.sim;

import java.util.Arrays;
import org.redditclone.api.WriteCounts;

/**
 * One simulated user: a few hundred bytes of state, never a thread.
 *
 * <p>A user acts one step at a time: whoever runs a step for it holds its monitor, so the
 * fields below (all but {@link #token}) are guarded by {@code this}, and the client's counts of
 * joins and votes never see two steps of one user interleave.
 */
final class SimUser {

  final int index;
  final String name;

  /** The session token, or null before login; replaced when the engine refuses it. */
  volatile String token;

  boolean online;
  boolean registered;

  private int[] joined = new int[4];
  private int joinedCount;

  /** Posts seen in feeds and listings or made, packed as {@link Ref}s. */
  final LongRing posts = new LongRing(6);
  /** Comments seen in the last comment trees or made, the deepest last, as {@link Ref}s. */
  final LongRing comments = new LongRing(6);
  /** Messages received, as {@link Ref}s of the sender. */
  final LongRing messages = new LongRing(4);

  // What the engine acknowledged to this user in this run: client-K.users.csv and, summed over the
  // client's users, its acked.* counts.
  /** Posts and reposts. */
  int postsAcked;
  /** Comments and replies. */
  int commentsAcked;
  /** Votes standing: +1 for a vote cast, -1 for one retracted. */
  int votesAcked;
  /** Messages and message replies sent. */
  int messagesAcked;
  /** Joins that changed membership, a creator's join included, minus leaves. */
  int membershipsAcked;
  /** Subreddits created. */
  int subredditsAcked;

  SimUser(int index, String name) {
    this.index = index;
    this.name = name;
  }

  boolean hasJoined(int rank) {
    for (int i = 0; i < joinedCount; i++) {
      if (joined[i] == rank) {
        return true;
      }
    }
    return false;
  }

  /** Notes a membership the engine acknowledged; returns whether it is new. */
  boolean addJoined(int rank) {
    if (hasJoined(rank)) {
      return false;
    }
    if (joinedCount == joined.length) {
      joined = Arrays.copyOf(joined, joined.length * 2);
    }
    joined[joinedCount++] = rank;
    return true;
  }

  /** Notes a membership the engine ended; returns whether the user held it. */
  boolean removeJoined(int rank) {
    for (int i = 0; i < joinedCount; i++) {
      if (joined[i] == rank) {
        joined[i] = joined[--joinedCount];
        return true;
      }
    }
    return false;
  }

  int joinedCount() {
    return joinedCount;
  }

  /** Returns the joined ranks; only the first {@link #joinedCount()} are valid. */
  int[] joinedRanks() {
    return joined;
  }

  /** Returns what the engine acknowledged to this user in this run. */
  synchronized WriteCounts acked() {
    return new WriteCounts(name, postsAcked, commentsAcked, votesAcked, messagesAcked,
        membershipsAcked, subredditsAcked);
  }

  @Override
  public String toString() {
    return name;
  }
}
