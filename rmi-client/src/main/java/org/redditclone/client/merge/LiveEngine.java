package org.redditclone.client.merge;

import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.util.List;
import org.redditclone.api.EngineStats;
import org.redditclone.api.RedditException;
import org.redditclone.api.Subreddit;
import org.redditclone.api.WriteCounts;

/**
 * What the merge (and the run coordinator, each second) asks the running engine (not the engine
 * itself): an interface so that they are tested without RMI.
 */
public interface LiveEngine {

  /** Returns the engine's counters now. */
  EngineStats stats() throws RemoteException, NotBoundException;

  /**
   * Returns what the engine holds now of the writes of every user whose name starts with {@code
   * prefix}, in name order.
   */
  List<WriteCounts> writeCounts(String prefix)
      throws RemoteException, NotBoundException, RedditException;

  /** Returns up to {@code max} subreddits, most members first. */
  List<Subreddit> subredditsByMembers(int max)
      throws RemoteException, NotBoundException, RedditException;

  /** Returns how many posts the subreddit named {@code subreddit} holds. */
  long posts(String subreddit) throws RemoteException, NotBoundException, RedditException;
}
