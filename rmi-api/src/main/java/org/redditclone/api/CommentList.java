package org.redditclone.api;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list of comments, as {@link CommentService#tree} returns it: a list that
 * crosses RMI in the compact {@link WireForm} (a {@code List.of} would be written as a
 * collection object plus one record object per comment).
 */
public final class CommentList extends AbstractList<Comment>
    implements RandomAccess, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final Comment[] comments;

  private CommentList(Comment[] comments) {
    this.comments = comments;
  }

  /**
   * Returns an unmodifiable copy of {@code comments}.
   *
   * @throws NullPointerException if the list or one of its comments is null
   */
  public static CommentList copyOf(List<Comment> comments) {
    Comment[] copy = comments.toArray(new Comment[0]);
    for (Comment c : copy) {
      if (c == null) {
        throw new NullPointerException("a comment list holds no null");
      }
    }
    return new CommentList(copy);
  }

  /** Wraps an array that nobody else holds; for {@link WireForm}. */
  static CommentList wrap(Comment[] comments) {
    return new CommentList(comments);
  }

  @Override
  public Comment get(int index) {
    return comments[index];
  }

  @Override
  public int size() {
    return comments.length;
  }

  @Serial
  private Object writeReplace() {
    return new WireForm(this);
  }

  /** Refuses a stream that holds a CommentList itself: one is only ever written as a WireForm. */
  @Serial
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a CommentList is read only through its WireForm");
  }
}
