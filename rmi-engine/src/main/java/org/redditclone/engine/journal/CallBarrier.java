package org.redditclone.engine.journal;

import java.rmi.RemoteException;
import org.redditclone.api.StorageFailedException;

/**
 * What a service call checks before it runs and waits for before it returns: that the events it
 * caused are as durable as the journal's policy promises ({@link Journal}). The engine's service
 * proxy applies it to every call, after the call and outside every lock the engine took.
 */
public interface CallBarrier {

  /** A barrier that waits for nothing and refuses nothing: an engine without a journal. */
  CallBarrier NONE = () -> {};

  /**
   * Waits for the calling thread's events; see {@link Journal#awaitCallerEvents()}.
   *
   * @throws StorageFailedException if they are not in the journal and never will be
   * @throws RemoteException if their fate is unknown
   */
  void awaitCallerEvents() throws RemoteException, StorageFailedException;

  /** Throws if no call that can be refused may run now (the journal failed); does nothing by default. */
  default void checkOpen() throws StorageFailedException {}
}
