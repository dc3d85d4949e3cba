package org.redditclone.client.sim;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What this client's users have seen of the engine's shared state, beyond each user's own few
 * items: which subreddits exist, recent and popular posts, and users of other clients. Bounded:
 * rings that the newest entries overwrite. Thread-safe.
 */
final class World {

  private static final int RECENT_POSTS = 512;
  private static final int POPULAR_POSTS = 64;
  private static final int FOREIGN_USERS = 1024;

  private final int clientId;
  private final AtomicIntegerArray exists;

  private final long[] recentPosts = new long[RECENT_POSTS];
  private int recentNext;
  private int recentSize;

  private final long[] popularPosts = new long[POPULAR_POSTS];
  private final int[] popularRanks = new int[POPULAR_POSTS];
  private int popularNext;
  private int popularSize;

  private final String[] foreignUsers = new String[FOREIGN_USERS];
  private final Set<String> foreignKnown = new HashSet<>();
  private int foreignNext;
  private int foreignSize;

  World(int clientId, int subreddits) {
    this.clientId = clientId;
    this.exists = new AtomicIntegerArray(subreddits + 1);
  }

  /** Notes that the subreddit of {@code rank} exists on the engine. */
  void markExists(int rank) {
    if (rank > 0 && rank < exists.length()) {
      exists.set(rank, 1);
    }
  }

  boolean exists(int rank) {
    return rank > 0 && rank < exists.length() && exists.get(rank) == 1;
  }

  synchronized void addRecentPost(long ref) {
    recentPosts[recentNext] = ref;
    recentNext = (recentNext + 1) % RECENT_POSTS;
    recentSize = Math.min(recentSize + 1, RECENT_POSTS);
  }

  /** Returns a recently seen post's {@link Ref}, or 0 if none. */
  synchronized long randomRecentPost(SplittableRandom random) {
    return recentSize == 0 ? 0 : recentPosts[random.nextInt(recentSize)];
  }

  synchronized void addPopularPost(long ref, int rank) {
    for (int i = 0; i < popularSize; i++) {
      if (popularPosts[i] == ref) {
        return;
      }
    }
    popularPosts[popularNext] = ref;
    popularRanks[popularNext] = rank;
    popularNext = (popularNext + 1) % POPULAR_POSTS;
    popularSize = Math.min(popularSize + 1, POPULAR_POSTS);
  }

  /** Returns a popular post as {@code {ref, rank of its subreddit}}, or null if none is known. */
  synchronized long[] randomPopularPost(SplittableRandom random) {
    if (popularSize == 0) {
      return null;
    }
    int i = random.nextInt(popularSize);
    return new long[] {popularPosts[i], popularRanks[i]};
  }

  /**
   * Forgets a post that the engine no longer has. Its slot takes the last entry, and the next
   * post fills the freed one, so entries stay at the front where random picks look.
   */
  synchronized void forgetPost(long ref) {
    // Backwards: an entry moved into slot i comes from a slot already checked.
    for (int i = recentSize - 1; i >= 0; i--) {
      if (recentPosts[i] == ref) {
        recentPosts[i] = recentPosts[--recentSize];
        recentNext = recentSize;
      }
    }
    for (int i = popularSize - 1; i >= 0; i--) {
      if (popularPosts[i] == ref) {
        popularSize--;
        popularPosts[i] = popularPosts[popularSize];
        popularRanks[i] = popularRanks[popularSize];
        popularNext = popularSize;
      }
    }
  }

  /**
   * Notes {@code username} if it is a simulated user of another client. Each name is kept once:
   * the authors of popular posts are seen over and over, and direct messages to a random known
   * user would otherwise pile into their few inboxes.
   */
  void noteAuthor(String username) {
    int k = SimNames.clientOf(username);
    if (k != 0 && k != clientId) {
      synchronized (this) {
        if (!foreignKnown.add(username)) {
          return;
        }
        if (foreignSize == FOREIGN_USERS) {
          foreignKnown.remove(foreignUsers[foreignNext]);
        }
        foreignUsers[foreignNext] = username;
        foreignNext = (foreignNext + 1) % FOREIGN_USERS;
        foreignSize = Math.min(foreignSize + 1, FOREIGN_USERS);
      }
    }
  }

  /** Returns a simulated user of another client seen lately, or null if none was seen. */
  synchronized String randomForeignUser(SplittableRandom random) {
    return foreignSize == 0 ? null : foreignUsers[random.nextInt(foreignSize)];
  }
}
