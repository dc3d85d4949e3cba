package org.redditclone.engine.feed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.redditclone.api.Limits;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;
import org.redditclone.api.RedditException;
import org.redditclone.engine.posts.PostEntity;
import org.redditclone.engine.posts.PostManager;
import org.redditclone.engine.posts.RankedPosts;
import org.redditclone.engine.ranking.Cursor;
import org.redditclone.engine.ranking.RankKey;
import org.redditclone.engine.subreddits.SubredditEntity;
import org.redditclone.engine.subreddits.SubredditManager;
import org.redditclone.engine.users.User;

/** Builds feed pages by merging the joined subreddits' rank indexes from the cursor on. */
public final class FeedManager {

  private static final String KIND_PREFIX = "feed-";

  private final SubredditManager subreddits;
  private final PostManager posts;

  /** Creates a feed over these subreddits and posts. */
  public FeedManager(SubredditManager subreddits, PostManager posts) {
    this.subreddits = Objects.requireNonNull(subreddits, "subreddits");
    this.posts = Objects.requireNonNull(posts, "posts");
  }

  /** Returns a page of {@code user}'s feed in {@code sort} order after {@code cursor}. */
  public Page<Post> feed(User user, PostSort sort, String cursor, int limit) throws RedditException {
    Limits.required("sort", sort);
    Limits.pageLimit(limit);
    String kind = KIND_PREFIX + sort.name();
    RankKey after = Cursor.decode(kind, cursor);
    PriorityQueue<Head> heads = new PriorityQueue<>();
    for (SubredditEntity sub : subreddits.joined(user)) {
      RankedPosts ranked = posts.ranked(sub.id());
      if (ranked != null) {
        Head.advance(heads, ranked.after(sort, after));
      }
    }
    List<Post> items = new ArrayList<>(limit);
    RankKey last = null;
    while (items.size() < limit && !heads.isEmpty()) {
      Head head = heads.poll();
      PostEntity post = posts.find(head.key.id());
      if (post != null && (last == null || RankKey.DESCENDING.compare(head.key, last) > 0)) {
        // Indexes change under the walk (votes re-key posts); keep the page strictly ordered.
        items.add(post.toRecord());
        last = head.key;
      }
      Head.advance(heads, head.rest);
    }
    String next = last != null && !heads.isEmpty() ? Cursor.encode(kind, last) : null;
    return new Page<>(List.copyOf(items), next);
  }

  /** The next key of one subreddit's index and the iterator past it. */
  private static final class Head implements Comparable<Head> {
    final RankKey key;
    final Iterator<RankKey> rest;

    private Head(RankKey key, Iterator<RankKey> rest) {
      this.key = key;
      this.rest = rest;
    }

    static void advance(PriorityQueue<Head> heads, Iterator<RankKey> it) {
      if (it.hasNext()) {
        heads.add(new Head(it.next(), it));
      }
    }

    @Override
    public int compareTo(Head other) {
      return RankKey.DESCENDING.compare(key, other.key);
    }
  }
}
