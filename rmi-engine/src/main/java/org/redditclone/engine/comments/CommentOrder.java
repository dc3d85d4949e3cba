package org.redditclone.engine.comments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.redditclone.api.CommentSort;
import org.redditclone.engine.ranking.RankKey;
import org.redditclone.engine.ranking.Ranking;

/** Sorts sibling comments under a {@link CommentSort}. */
final class CommentOrder {

  private CommentOrder() {}

  /**
   * Returns {@code siblings} (null for none) in {@code sort} order, as a copy: best first as they
   * are kept, any other order sorted now.
   */
  static List<CommentEntity> of(Siblings siblings, CommentSort sort) {
    if (siblings == null) {
      return List.of();
    }
    List<CommentEntity> best = siblings.best();
    return sort == CommentSort.BEST ? best : sorted(best, sort);
  }

  /**
   * Returns {@code comments} in {@code sort} order. Ranks are snapshotted first: votes arriving
   * during the sort must not change the comparison (which would break the sort's contract).
   */
  static List<CommentEntity> sorted(List<CommentEntity> comments, CommentSort sort) {
    int n = comments.size();
    if (n <= 1) {
      return comments;
    }
    Ranked[] ranked = new Ranked[n];
    for (int i = 0; i < n; i++) {
      CommentEntity c = comments.get(i);
      ranked[i] = new Ranked(new RankKey(rank(c, sort), c.id()), c);
    }
    Arrays.sort(ranked, (a, b) -> RankKey.DESCENDING.compare(a.key, b.key));
    List<CommentEntity> out = new ArrayList<>(n);
    for (Ranked r : ranked) {
      out.add(r.comment);
    }
    return out;
  }

  /** Returns the rank of a comment under {@code sort}, higher first. */
  static double rank(CommentEntity c, CommentSort sort) {
    int ups;
    int downs;
    synchronized (c) {
      ups = c.ups();
      downs = c.downs();
    }
    return switch (sort) {
      case BEST -> Ranking.best(ups, downs);
      case TOP -> Ranking.top(ups, downs);
      case NEW -> Ranking.fresh(c.createdAtMillis());
      case CONTROVERSIAL -> Ranking.controversial(ups, downs);
    };
  }

  private record Ranked(RankKey key, CommentEntity comment) {}
}
