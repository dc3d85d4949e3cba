package org.redditclone.api;

import java.rmi.Remote;
import java.rmi.RemoteException;

/** The engine's counters. Bound as {@link Bindings#STATS}; the same figures are in JMX. */
public interface StatsService extends Remote {

  /** Returns the counters now. */
  EngineStats stats() throws RemoteException;

  /**
   * Returns a page of what the engine holds now of the writes of each user whose name starts with
   * {@code prefix} (ignoring case), in the order of the names in lower case. A simulated run's user
   * names share a prefix per client, so a run counts its own writes apart from anyone else's. The
   * engine keeps the counts per user as it applies each change, so a page costs its length and a
   * lookup, not a scan of the users' posts.
   *
   * @param prefix the start of the names: 1 to {@link Limits#USERNAME_MAX} characters a name may
   *     hold
   * @param cursor null for the first page, otherwise the {@link Page#nextCursor()} of the page
   *     before, for the same prefix
   * @param limit the most users on the page, 1 to {@link Limits#PAGE_MAX}
   * @throws InvalidInputException if the prefix, the cursor or the limit breaks those rules; it is
   *     the only domain error, since this changes nothing
   */
  Page<WriteCounts> writeCounts(String prefix, String cursor, int limit)
      throws RemoteException, InvalidInputException;

  /**
   * Does nothing. The transport baseline: a call of this costs what RMI itself costs (connection,
   * marshalling of an empty call, dispatch), so benchmarks compare the engine's calls with it.
   */
  void ping() throws RemoteException;
}
