package org.redditclone.engine.rmi;

import java.io.IOException;
import java.nio.file.Path;
import java.rmi.AccessException;
import java.rmi.NotBoundException;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.rmi.ServerException;
import java.rmi.registry.Registry;
import java.util.Objects;

/**
 * Changes the bindings of a registry of start-registry.sh through its {@link RegistryOwner} door,
 * with a proof of the registry's secret. The secret file is read again for every change, so the
 * new secret of a restarted registry is used.
 */
final class OwnerBinder implements RegistryBinder {

  private final Registry registry;
  private final Path secretFile;
  private final String address;

  OwnerBinder(Registry registry, Path secretFile, String address) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.secretFile = Objects.requireNonNull(secretFile, "secretFile");
    this.address = Objects.requireNonNull(address, "address");
  }

  @Override
  public void rebind(String name, Remote stub) throws RemoteException {
    OwnerSecret secret = secret();
    RegistryOwner door = door();
    byte[] challenge = door.challenge();
    try {
      door.rebind(name, stub, challenge, secret.proof(challenge, "rebind", name));
    } catch (ServerException e) {
      throw refused(e);
    }
  }

  @Override
  public void unbind(String name) throws RemoteException, NotBoundException {
    OwnerSecret secret = secret();
    RegistryOwner door = door();
    byte[] challenge = door.challenge();
    try {
      door.unbind(name, challenge, secret.proof(challenge, "unbind", name));
    } catch (ServerException e) {
      throw refused(e);
    }
  }

  /** Returns the registry's refusal as a message of its own, or {@code e} if it was something else. */
  private RemoteException refused(ServerException e) {
    if (e.getCause() instanceof AccessException refused) {
      return new AccessException("registry " + address + " refused the engine with secret " + secretFile + ": "
          + refused.getMessage() + " (a registry restarted with another state folder?)");
    }
    return e;
  }

  private OwnerSecret secret() throws AccessException {
    try {
      return OwnerSecret.read(secretFile);
    } catch (IOException e) {
      throw new AccessException("cannot bind in registry " + address + ": its secret cannot be used: "
          + e.getMessage());
    }
  }

  private RegistryOwner door() throws RemoteException {
    Remote door;
    try {
      door = registry.lookup(RegistryOwner.NAME);
    } catch (NotBoundException e) {
      door = null;
    }
    if (door instanceof RegistryOwner owner) {
      return owner;
    }
    throw new AccessException("registry " + address + " was not started by start-registry.sh (it has no "
        + RegistryOwner.NAME + " entry: the JDK's rmiregistry?), so --registry-secret " + secretFile
        + " does not apply to it; start the engine without --registry-secret to bind in it");
  }
}
