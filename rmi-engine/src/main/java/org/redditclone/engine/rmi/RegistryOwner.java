package org.redditclone.engine.rmi;

import java.rmi.AccessException;
import java.rmi.NotBoundException;
import java.rmi.Remote;
import java.rmi.RemoteException;
import org.redditclone.rmi.ReadOnlyRegistry;

/**
 * The door through which the engine that owns the registry of scripts/start-registry.sh changes
 * its bindings; every other caller of the registry is refused ({@link ReadOnlyRegistry}).
 *
 * <p>The registry answers a lookup of {@link #NAME} with this door without listing it. A change
 * carries a proof that the caller can read the registry's secret file ({@link OwnerSecret}): an
 * HMAC over a fresh single-use challenge, the operation and the name, so the secret itself never
 * crosses a socket and a recorded call cannot be replayed.
 */
public interface RegistryOwner extends Remote {

  /** The name the registry answers with this door; never listed, never bindable. */
  String NAME = "redditclone.registry-owner";

  /** Returns a fresh challenge, good for one change within {@link OwnerSecret#CHALLENGE_LIFETIME}. */
  byte[] challenge() throws RemoteException;

  /**
   * Binds {@code name} to {@code stub}, replacing what was there.
   *
   * @param proof {@link OwnerSecret#proof} of {@code challenge}, "rebind" and {@code name}
   * @throws AccessException if the proof is wrong or the challenge unknown, used or expired
   */
  void rebind(String name, Remote stub, byte[] challenge, byte[] proof) throws RemoteException;

  /**
   * Unbinds {@code name}.
   *
   * @param proof {@link OwnerSecret#proof} of {@code challenge}, "unbind" and {@code name}
   * @throws AccessException if the proof is wrong or the challenge unknown, used or expired
   * @throws NotBoundException if nothing is bound under {@code name}
   */
  void unbind(String name, byte[] challenge, byte[] proof) throws RemoteException, NotBoundException;
}
