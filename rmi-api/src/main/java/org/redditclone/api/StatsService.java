package org.redditclone.api;

import java.rmi.Remote;
import java.rmi.RemoteException;

/** The engine's counters. Bound as {@link Bindings#STATS}; the same figures are in JMX. */
public interface StatsService extends Remote {

  /** Returns the counters now. */
  EngineStats stats() throws RemoteException;

  /**
   * Does nothing. The transport baseline: a call of this costs what RMI itself costs (connection,
   * marshalling of an empty call, dispatch), so benchmarks compare the engine's calls with it.
   */
  void ping() throws RemoteException;
}
