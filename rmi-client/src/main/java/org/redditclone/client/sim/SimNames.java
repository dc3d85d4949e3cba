package org.redditclone.client.sim;

import org.redditclone.api.Limits;

/**
 * The deterministic names of the simulation: users {@code u<K>_<tag>_<i>} and subreddits {@code
 * sim_r<rank>}.
 *
 * <p>The client id K in every user name is what lets a client tell content of other clients from
 * its own by the author's name alone. The tag keeps two runs on one engine apart: it is a hash of
 * the run directory's name, the seed and the client id. Both come before the index, so a client's
 * users are exactly the names that start with its {@link #userPrefix}: the engine counts their
 * writes by that prefix, apart from anyone else's.
 */
final class SimNames {

  /** The fewest characters of a run tag; fewer would make collisions between runs likely. */
  static final int MIN_TAG = 4;

  private static final int MAX_TAG = 7;
  private static final String SUBREDDIT_PREFIX = "sim_r";

  private SimNames() {}

  /** Returns the length of a user name but its tag, {@code u<K>__<i>}, for the longest index. */
  static int untaggedLength(int clientId, int maxIndex) {
    return 1 + Integer.toString(clientId).length() + 1 + Integer.toString(maxIndex).length() + 1;
  }

  /** Returns the run tag of a client: base-36 letters that fit beside its longest user name. */
  static String tag(String runName, long seed, int clientId, int users) {
    int room = Limits.USERNAME_MAX - untaggedLength(clientId, users - 1);
    int length = Math.min(MAX_TAG, room);
    if (length < MIN_TAG) {
      throw new IllegalArgumentException(
          "client " + clientId + " with " + users + " users leaves " + room
              + " characters for the run tag; at least " + MIN_TAG + " are needed");
    }
    long h = mix(seed ^ mix(runName.hashCode() * 0x9E3779B97F4A7C15L + clientId));
    String text = Long.toString(h & Long.MAX_VALUE, 36);
    while (text.length() < length) {
      text = "0" + text;
    }
    return text.substring(text.length() - length);
  }

  /** Returns the start of every user name of a client, {@code u<K>_<tag>_}. */
  static String userPrefix(int clientId, String tag) {
    return "u" + clientId + "_" + tag + "_";
  }

  /** Returns the name of user {@code index} (from 0) of a client. */
  static String user(int clientId, int index, String tag) {
    return userPrefix(clientId, tag) + index;
  }

  /** Returns the password of a simulated user: derived, so that a user can log in again. */
  static String password(String username, long seed) {
    return "pw" + Long.toString(mix(seed ^ username.hashCode()) & Long.MAX_VALUE, 36);
  }

  /**
   * Returns the client id in a simulated user's name, or 0 if {@code username} is not one (a
   * person at the CLI, for example).
   */
  static int clientOf(String username) {
    if (username == null || username.length() < 6 || username.charAt(0) != 'u') {
      return 0;
    }
    int k = 0;
    int i = 1;
    int n = username.length();
    while (i < n && Character.isDigit(username.charAt(i))) {
      k = k * 10 + (username.charAt(i) - '0');
      if (k > 99_999) {
        return 0;
      }
      i++;
    }
    if (i == 1 || i >= n || username.charAt(i) != '_') {
      return 0;
    }
    int tag = ++i;
    while (i < n && isTagChar(username.charAt(i))) {
      i++;
    }
    if (i == tag || i >= n - 1 || username.charAt(i) != '_') {
      return 0;
    }
    for (int j = i + 1; j < n; j++) {
      if (!Character.isDigit(username.charAt(j))) {
        return 0;
      }
    }
    return k;
  }

  private static boolean isTagChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
  }

  /** Returns the name of the subreddit of popularity rank {@code rank} (from 1). */
  static String subreddit(int rank) {
    if (rank < 1 || rank > SimOptions.MAX_SUBREDDITS) {
      throw new IllegalArgumentException(
          "rank " + rank + " is out of range; it must be 1.." + SimOptions.MAX_SUBREDDITS);
    }
    String digits = Integer.toString(rank);
    return SUBREDDIT_PREFIX + "0".repeat(5 - digits.length()) + digits;
  }

  /** Returns the rank in a simulated subreddit's name (any case), or 0 if it is not one. */
  static int rankOf(String subreddit) {
    if (subreddit == null
        || subreddit.length() != SUBREDDIT_PREFIX.length() + 5
        || !subreddit.regionMatches(true, 0, SUBREDDIT_PREFIX, 0, SUBREDDIT_PREFIX.length())) {
      return 0;
    }
    int rank = 0;
    for (int i = SUBREDDIT_PREFIX.length(); i < subreddit.length(); i++) {
      char c = subreddit.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      rank = rank * 10 + (c - '0');
    }
    return rank;
  }

  /** Returns a well-spread 64-bit hash of {@code z} (SplitMix64's finalizer). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
