package org.redditclone.engine.ranking;

import java.util.Objects;
import org.redditclone.api.PostSort;

/** The rank of a post under each {@link PostSort}. */
public final class PostRank {

  private PostRank() {}

  /** Returns the rank of a post with these votes and creation time under {@code sort}. */
  public static double of(PostSort sort, int ups, int downs, long createdAtMillis) {
    Objects.requireNonNull(sort, "sort");
    return switch (sort) {
      case HOT -> Ranking.hot(ups, downs, createdAtMillis);
      case NEW -> Ranking.fresh(createdAtMillis);
      case TOP -> Ranking.top(ups, downs);
      case CONTROVERSIAL -> Ranking.controversial(ups, downs);
    };
  }
}
