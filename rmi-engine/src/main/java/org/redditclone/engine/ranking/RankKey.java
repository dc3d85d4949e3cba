package org.redditclone.engine.ranking;

import java.util.Comparator;

/**
 * A position in a ranked index: the rank value and the item's id, which breaks ties.
 *
 * @param rank the value of a ranking formula
 * @param id the post's id
 */
public record RankKey(double rank, long id) {

  /** Highest rank first, then highest (newest) id first: the order of every listing. */
  public static final Comparator<RankKey> DESCENDING =
      Comparator.comparingDouble(RankKey::rank).thenComparingLong(RankKey::id).reversed();
}
