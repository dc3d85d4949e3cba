package org.redditclone.api;

import java.rmi.Remote;
import java.rmi.RemoteException;

/**
 * The front page of a user: the posts of the subreddits the user has joined. Bound as {@link
 * Bindings#FEED}. A page costs work in proportion to its size and the number of joined
 * subreddits, never to the number of posts the engine holds.
 */
public interface FeedService extends Remote {

  /**
   * Returns a page of the session user's feed.
   *
   * @param sort the {@link PostSort#ordinal() ordinal} of the order, e.g. {@code
   *     PostSort.HOT.ordinal()}: a number, because an enum argument costs two class descriptors
   *     per call on the wire (docs/PERFORMANCE.md); see {@link Limits#postSort}
   * @param cursor null for the first page, otherwise the {@link Page#nextCursor()} of the previous
   * @param limit 1..{@link Limits#PAGE_MAX}
   */
  Page<Post> feed(String token, int sort, String cursor, int limit)
      throws RedditException, RemoteException;
}
