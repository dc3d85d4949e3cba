package org.redditclone.engine.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.redditclone.api.Comment;
import org.redditclone.engine.posts.PostEntity;
import org.redditclone.engine.users.User;
import org.redditclone.engine.votes.Votable;

/** A comment's state. Its monitor guards its votes, its deletion and its list of replies. */
final class CommentEntity extends Votable {

  private final PostEntity post;
  private final long parentId;
  private final int depth;
  private List<CommentEntity> replies; // created on the first reply; most comments have none
  private volatile String body;
  private volatile boolean deleted;

  CommentEntity(long id, PostEntity post, long parentId, int depth, User author, String body,
      long createdAtMillis) {
    super(id, author, createdAtMillis);
    this.post = Objects.requireNonNull(post, "post");
    this.parentId = parentId;
    this.depth = depth;
    this.body = Objects.requireNonNull(body, "body");
  }

  PostEntity post() {
    return post;
  }

  int depth() {
    return depth;
  }

  synchronized void addReply(CommentEntity reply) {
    if (replies == null) {
      replies = new ArrayList<>(2);
    }
    replies.add(reply);
  }

  /** Returns a copy of the replies, safe to sort and walk without the lock. */
  synchronized List<CommentEntity> replies() {
    return replies == null ? List.of() : new ArrayList<>(replies);
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

  /** Returns the comment as the contract shows it now. */
  Comment toRecord() {
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
    // Siblings are sorted when a tree is read, so there is no index to move.
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
