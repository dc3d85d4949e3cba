package org.redditclone.engine.comments;

import java.util.Objects;
import org.redditclone.api.Comment;
import org.redditclone.engine.posts.PostEntity;
import org.redditclone.engine.users.User;
import org.redditclone.engine.votes.Votable;

/**
 * A comment's state. Its monitor guards its votes, its deletion and its replies' creation; the
 * {@link Siblings} it is one of keep their own order.
 */
final class CommentEntity extends Votable<Comment> {

  private final PostEntity post;
  private final long parentId;
  private final int depth;
  /** The comments under the same parent, this one among them. */
  private final Siblings siblings;
  private Siblings replies; // created on the first reply; most comments have none
  private volatile String body;
  private volatile boolean deleted;
  /** The best rank this comment is placed by among its siblings; guarded by {@link #siblings}. */
  double bestRank;

  CommentEntity(long id, PostEntity post, long parentId, int depth, Siblings siblings, User author,
      String body, long createdAtMillis) {
    super(id, author, createdAtMillis);
    this.post = Objects.requireNonNull(post, "post");
    this.parentId = parentId;
    this.depth = depth;
    this.siblings = Objects.requireNonNull(siblings, "siblings");
    this.body = Objects.requireNonNull(body, "body");
  }

  PostEntity post() {
    return post;
  }

  int depth() {
    return depth;
  }

  /** Returns the replies, created empty by the first call: a reply is placed in them. */
  synchronized Siblings repliesForNew() {
    if (replies == null) {
      replies = new Siblings();
    }
    return replies;
  }

  /** Returns the replies, or null if it has none. */
  synchronized Siblings replies() {
    return replies;
  }

  @Override
  public boolean deleted() {
    return deleted;
  }

  @Override
  protected void markDeleted() {
    deleted = true;
    body = "";
  }

  @Override
  public Comment toRecord() {
    int ups;
    int downs;
    synchronized (this) {
      ups = ups();
      downs = downs();
    }
    return new Comment(id(), post.id(), parentId, depth, author().name(), body, createdAtMillis(),
        ups, downs, deleted);
  }

  @Override
  protected void scoreChanged() {
    siblings.rescore(this, ups(), downs());
  }

  @Override
  protected void creditAuthor(long delta) {
    author().addCommentKarma(delta);
  }

  @Override
  public String toString() {
    return "Comment#" + id() + "[post " + post.id() + ", depth " + depth + "]";
  }
}
