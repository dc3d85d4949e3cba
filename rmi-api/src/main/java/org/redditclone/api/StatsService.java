package org.redditclone.api;

import java.rmi.Remote;
import java.rmi.RemoteException;

/** The engine's counters. Bound as {@link Bindings#STATS}; the same figures are in JMX. */
public interface StatsService extends Remote {

  /** Returns the counters now. */
  EngineStats stats() throws RemoteException;
}
