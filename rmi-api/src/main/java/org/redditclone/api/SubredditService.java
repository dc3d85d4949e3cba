package org.redditclone.api;

import java.rmi.Remote;
import java.rmi.RemoteException;
import java.util.List;

/**
 * Subreddits and memberships. Bound as {@link Bindings#SUBREDDITS}. Calls that change state take
 * a {@link Caller}: a retry with the same one is applied at most once.
 */
public interface SubredditService extends Remote {

  /**
   * Creates a subreddit; its creator joins it. A repeat of the same request returns the subreddit
   * it created, not {@link AlreadyExistsException}.
   *
   * @throws AlreadyExistsException if the name is taken, ignoring case
   */
  Subreddit create(Caller caller, String name, String description)
      throws RedditException, RemoteException;

  /** Joins a subreddit and returns it; joining twice is no error and changes nothing. */
  Subreddit join(Caller caller, String name) throws RedditException, RemoteException;

  /** Leaves a subreddit and returns it; leaving one not joined is no error and changes nothing. */
  Subreddit leave(Caller caller, String name) throws RedditException, RemoteException;

  /** Returns a subreddit by name, ignoring case. */
  Subreddit get(String name) throws RedditException, RemoteException;

  /** Returns a page of all subreddits in the given order. */
  Page<Subreddit> list(SubredditOrder order, String cursor, int limit)
      throws RedditException, RemoteException;

  /** Returns the subreddits the session's user has joined, by name. */
  List<Subreddit> joined(String token) throws RedditException, RemoteException;
}
