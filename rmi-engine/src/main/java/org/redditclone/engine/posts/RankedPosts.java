package org.redditclone.engine.posts;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.redditclone.api.PostSort;
import org.redditclone.engine.ranking.PostRank;
import org.redditclone.engine.ranking.RankKey;

/**
 * One subreddit's posts, indexed under every {@link PostSort} as (rank, id) keys in concurrent
 * skip lists, highest first. A vote re-keys the post, so a page is a walk from the cursor, never a
 * sort of all posts.
 */
public final class RankedPosts {

  private static final PostSort[] SORTS = PostSort.values();

  private final Map<PostSort, NavigableSet<RankKey>> indexes = new EnumMap<>(PostSort.class);

  RankedPosts() {
    for (PostSort sort : SORTS) {
      indexes.put(sort, new ConcurrentSkipListSet<>(RankKey.DESCENDING));
    }
  }

  /** Returns the keys under {@code sort} that come after {@code after} (all if null), in order. */
  public Iterator<RankKey> after(PostSort sort, RankKey after) {
    NavigableSet<RankKey> index = indexes.get(sort);
    return (after == null ? index : index.tailSet(after, false)).iterator();
  }

  /** Returns the ranks of a post with these votes, by sort ordinal. */
  static double[] ranksOf(int ups, int downs, long createdAtMillis) {
    double[] ranks = new double[SORTS.length];
    for (PostSort sort : SORTS) {
      ranks[sort.ordinal()] = PostRank.of(sort, ups, downs, createdAtMillis);
    }
    return ranks;
  }

  /** Adds a new post under every sort. */
  void add(PostEntity post) {
    synchronized (post) {
      for (PostSort sort : SORTS) {
        indexes.get(sort).add(new RankKey(post.ranks[sort.ordinal()], post.id()));
      }
    }
  }

  /** Moves a post whose votes changed to its new place under every sort; the caller holds its lock. */
  void rekey(PostEntity post) {
    double[] now = ranksOf(post.ups(), post.downs(), post.createdAtMillis());
    for (PostSort sort : SORTS) {
      int i = sort.ordinal();
      if (Double.compare(now[i], post.ranks[i]) != 0) {
        NavigableSet<RankKey> index = indexes.get(sort);
        index.remove(new RankKey(post.ranks[i], post.id()));
        index.add(new RankKey(now[i], post.id()));
        post.ranks[i] = now[i];
      }
    }
  }
}
