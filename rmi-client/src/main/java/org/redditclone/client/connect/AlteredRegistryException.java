package org.redditclone.client.connect;

import java.rmi.RemoteException;

/**
 * The registry holds something else than the engine's services under the engine's names: an
 * object of another interface, or one that calls another endpoint than the rest. The message is
 * one line naming the entry, what was found and where it points. Not retried: clients report it
 * (the CLI exits as for an unreachable engine) rather than wait for the engine to bind its own
 * again.
 */
public final class AlteredRegistryException extends RemoteException {

  private static final long serialVersionUID = 1L;

  AlteredRegistryException(String message) {
    super(message);
  }
}
