package org.redditclone.api;

import java.rmi.Remote;
import java.rmi.RemoteException;

/**
 * The front page of a user: the posts of the subreddits the user has joined. Bound as {@link
 * Bindings#FEED}. A page costs work in proportion to its size and the number of joined
 * subreddits, never to the number of posts the engine holds.
 */
public interface FeedService extends Remote {

  /** Returns a page of the session user's feed. */
  Page<Post> feed(String token, PostSort sort, String cursor, int limit)
      throws RedditException, RemoteException;
}
