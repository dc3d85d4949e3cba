package org.redditclone.engine.comments;

import java.util.Arrays;
import java.util.List;
import org.redditclone.engine.ranking.Ranking;

/**
 * The comments under one parent (a comment's replies, or a post's top-level comments), kept in
 * {@link org.redditclone.api.CommentSort#BEST BEST} order as votes change: highest Wilson score
 * first, then the newest (highest id). Guarded by its own monitor.
 *
 * <p>Why: every read of a tree used to sort each level it walked, and the Wilson sort was 7% of
 * the engine's CPU under the simulator's mix, which reads trees best first. A vote moves its
 * comment a few places here instead, at its own cost. Other orders are still sorted when read.
 *
 * <p>Each comment's place is kept with the rank it was placed by ({@link CommentEntity#bestRank},
 * written only under this monitor), so ordering never reads another comment's counts: a vote
 * holds its comment's lock, then this one, and nothing here takes a comment's lock.
 */
final class Siblings {

  private CommentEntity[] items = new CommentEntity[2];
  private int size;

  /** Adds a new comment (no votes yet) in its place. */
  synchronized void add(CommentEntity comment) {
    comment.bestRank = Ranking.best(0, 0);
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    int at = placeOf(comment.bestRank, comment.id());
    System.arraycopy(items, at, items, at + 1, size - at);
    items[at] = comment;
    size++;
  }

  /**
   * Moves {@code comment}, a member, to the place of its rank by {@code ups} and {@code downs};
   * called under the comment's lock, right after its counts changed.
   */
  synchronized void rescore(CommentEntity comment, int ups, int downs) {
    double rank = Ranking.best(ups, downs);
    if (rank == comment.bestRank) {
      return;
    }
    int from = placeOf(comment.bestRank, comment.id());
    if (from >= size || items[from] != comment) {
      throw new IllegalStateException(comment + " is not where its rank " + comment.bestRank
          + " puts it among " + size + " siblings");
    }
    System.arraycopy(items, from + 1, items, from, size - from - 1);
    size--;
    comment.bestRank = rank;
    int to = placeOf(rank, comment.id());
    System.arraycopy(items, to, items, to + 1, size - to);
    items[to] = comment;
    size++;
  }

  /** Returns a copy of the comments, best first, safe to walk without the lock. */
  synchronized List<CommentEntity> best() {
    return Arrays.asList(Arrays.copyOf(items, size));
  }

  /** Returns the number of comments. */
  synchronized int size() {
    return size;
  }

  /**
   * Returns the index of the comment of this rank and id if it is here, otherwise where it
   * belongs: the first index whose comment comes after it (lower rank, or equal rank and lower id).
   */
  private int placeOf(double rank, long id) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      CommentEntity c = items[mid];
      int cmp = Double.compare(c.bestRank, rank);
      if (cmp > 0 || cmp == 0 && c.id() > id) {
        lo = mid + 1; // c comes first
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
