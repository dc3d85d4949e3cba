package org.redditclone.engine.posts;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.redditclone.api.Post;
import org.redditclone.engine.subreddits.SubredditEntity;
import org.redditclone.engine.users.User;
import org.redditclone.engine.votes.Votable;

/** A post's state. Its monitor guards its votes, its ranks and its deletion. */
public final class PostEntity extends Votable<Post> {

  static final String DELETED_TITLE = "[deleted]";

  private final SubredditEntity subreddit;
  private final RankedPosts index;
  private final long originalId;
  private final String originalAuthor;
  private final AtomicInteger commentCount = new AtomicInteger();
  /** The rank under each sort the post is indexed by now, by PostSort ordinal; guarded by this. */
  final double[] ranks;
  private volatile String title;
  private volatile String body;
  private volatile boolean deleted;

  PostEntity(long id, SubredditEntity subreddit, RankedPosts index, User author, String title,
      String body, long createdAtMillis, long originalId, String originalAuthor) {
    super(id, author, createdAtMillis);
    this.subreddit = Objects.requireNonNull(subreddit, "subreddit");
    this.index = Objects.requireNonNull(index, "index");
    this.title = Objects.requireNonNull(title, "title");
    this.body = Objects.requireNonNull(body, "body");
    this.originalId = originalId;
    this.originalAuthor = originalAuthor;
    this.ranks = RankedPosts.ranksOf(0, 0, createdAtMillis);
  }

  /** Returns the subreddit it was posted to. */
  public SubredditEntity subreddit() {
    return subreddit;
  }

  /** Returns the id of the original post for a repost, otherwise 0. */
  public long originalId() {
    return originalId;
  }

  @Override
  public boolean deleted() {
    return deleted;
  }

  /** Counts one more comment in its thread. */
  public void addComment() {
    commentCount.incrementAndGet();
  }

  /** Returns the number of comments in its thread. */
  public int commentCount() {
    return commentCount.get();
  }

  @Override
  protected void markDeleted() {
    deleted = true;
    title = DELETED_TITLE;
    body = "";
  }

  @Override
  public Post toRecord() {
    int ups;
    int downs;
    synchronized (this) {
      ups = ups();
      downs = downs();
    }
    return new Post(id(), subreddit.name(), author().name(), title, body, createdAtMillis(), ups,
        downs, commentCount.get(), originalId, originalAuthor, deleted);
  }

  @Override
  protected void scoreChanged() {
    index.rekey(this);
  }

  @Override
  protected void creditAuthor(long delta) {
    author().addPostKarma(delta);
  }

  @Override
  public String toString() {
    return "Post#" + id() + "[" + subreddit.name() + "]";
  }
}
