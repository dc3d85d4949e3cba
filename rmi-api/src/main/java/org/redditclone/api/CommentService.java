package org.redditclone.api;

import java.rmi.Remote;
import java.rmi.RemoteException;
import java.util.List;

/**
 * Comments, comment trees and votes on comments. Bound as {@link Bindings#COMMENTS}. Calls that
 * change state take a {@link Caller}: a retry with the same one is applied at most once and
 * returns the first call's result (the same comment; the score now).
 */
public interface CommentService extends Remote {

  /** Comments on a post and returns the comment. */
  Comment comment(Caller caller, long postId, String body) throws RedditException, RemoteException;

  /** Replies to a comment, at any depth, and returns the reply. */
  Comment reply(Caller caller, long commentId, String body) throws RedditException, RemoteException;

  /** Returns a comment by id. */
  Comment get(long commentId) throws RedditException, RemoteException;

  /**
   * Returns a post's comment tree flattened in depth-first order: each comment is followed by its
   * replies, siblings in the given order; {@link Comment#depth()} and {@link Comment#parentId()}
   * give the shape. Flat, so that a tree hundreds of levels deep is no deep object graph.
   *
   * @param sort the {@link CommentSort#ordinal() ordinal} of the siblings' order (a number, as the
   *     sort of {@link FeedService#feed}); see {@link Limits#commentSort}
   * @param maxDepth the deepest level returned, 0 for top-level comments only
   * @param limit the most comments returned, 1..{@link Limits#TREE_MAX}
   */
  List<Comment> tree(long postId, int sort, int maxDepth, int limit)
      throws RedditException, RemoteException;

  /**
   * Casts, changes or retracts the session user's vote on a comment and returns the new score.
   *
   * @param direction the {@link VoteDirection#value() value} of the vote, as in {@link
   *     PostService#vote}
   */
  Score vote(Caller caller, long commentId, int direction)
      throws RedditException, RemoteException;

  /**
   * Deletes the session user's own comment: its replies stay and it shows as deleted.
   *
   * @throws ForbiddenException if another user wrote it
   */
  void delete(Caller caller, long commentId) throws RedditException, RemoteException;
}
