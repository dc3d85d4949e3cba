package org.redditclone.api;

import java.rmi.Remote;
import java.rmi.RemoteException;

/**
 * Posts, reposts, listings and votes on posts. Bound as {@link Bindings#POSTS}. Calls that change
 * state take a {@link Caller}: a retry with the same one is applied at most once and returns the
 * first call's result (the same post; the score now).
 */
public interface PostService extends Remote {

  /** Creates a text post in a subreddit and returns it. Anybody logged in may post anywhere. */
  Post submit(Caller caller, String subreddit, String title, String body)
      throws RedditException, RemoteException;

  /**
   * Reposts an existing post into another subreddit and returns the repost, which keeps the
   * original's id and author; a repost of a repost points at the first original.
   */
  Post repost(Caller caller, long postId, String subreddit) throws RedditException, RemoteException;

  /** Returns a post by id. */
  Post get(long postId) throws RedditException, RemoteException;

  /**
   * Returns a page of a subreddit's posts.
   *
   * @param sort the {@link PostSort#ordinal() ordinal} of the order, as in {@link FeedService#feed}
   * @param cursor null for the first page, otherwise the {@link Page#nextCursor()} of the previous
   * @param limit 1..{@link Limits#PAGE_MAX}
   */
  Page<Post> listing(String subreddit, int sort, String cursor, int limit)
      throws RedditException, RemoteException;

  /**
   * Casts, changes or retracts the session user's vote on a post and returns the new score.
   *
   * @param direction the {@link VoteDirection#value() value} of the vote: 1 up, -1 down, 0 none (a
   *     number, as the sort of {@link FeedService#feed}); see {@link Limits#voteDirection}
   */
  Score vote(Caller caller, long postId, int direction)
      throws RedditException, RemoteException;

  /**
   * Deletes the session user's own post: its thread stays and shows it as deleted.
   *
   * @throws ForbiddenException if another user wrote it
   */
  void delete(Caller caller, long postId) throws RedditException, RemoteException;
}
