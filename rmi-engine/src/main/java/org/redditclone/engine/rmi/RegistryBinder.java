package org.redditclone.engine.rmi;

import java.nio.file.Path;
import java.rmi.AccessException;
import java.rmi.NotBoundException;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.rmi.ServerException;
import java.rmi.registry.Registry;
import java.util.Objects;
import org.redditclone.rmi.ReadOnlyRegistry;

/**
 * How the engine changes its bindings, for each kind of registry: only the engine may change
 * them, and each kind learns that differently.
 */
interface RegistryBinder {

  /** Binds {@code name} to {@code stub}, replacing what was there. */
  void rebind(String name, Remote stub) throws RemoteException;

  /** Unbinds {@code name}. */
  void unbind(String name) throws RemoteException, NotBoundException;

  /** Returns a binder for the engine's own registry, in this JVM, read-only to every caller. */
  static RegistryBinder embedded(ReadOnlyRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    return new RegistryBinder() {
      @Override
      public void rebind(String name, Remote stub) throws RemoteException {
        registry.put(name, stub);
      }

      @Override
      public void unbind(String name) throws RemoteException, NotBoundException {
        registry.remove(name);
      }
    };
  }

  /**
   * Returns a binder for the registry of start-registry.sh at {@code address}, which binds for the
   * caller that proves it read {@code secretFile}. The file is read again for every change, so a
   * restarted registry's new secret is used.
   */
  static RegistryBinder owner(Registry registry, Path secretFile, String address) {
    return new OwnerBinder(registry, secretFile, address);
  }

  /**
   * Returns a binder for a registry that lets every local process bind: the JDK's
   * {@code rmiregistry} tool ({@code start-registry.sh --jdk-rmiregistry}) or one a program made
   * with {@code LocateRegistry.createRegistry}.
   */
  static RegistryBinder open(Registry registry, String address) {
    Objects.requireNonNull(registry, "registry");
    return new RegistryBinder() {
      @Override
      public void rebind(String name, Remote stub) throws RemoteException {
        try {
          registry.rebind(name, stub);
        } catch (ServerException e) { // how RMI hands on an exception the registry threw
          if (!(e.getCause() instanceof AccessException refused)) {
            throw e;
          }
          throw new AccessException("registry " + address + " refused to bind " + name + " (" + refused.getMessage()
              + "); the registry of start-registry.sh binds only for the engine that reads its secret: give the "
              + "engine --registry-secret STATE/registry.secret (start-engine.sh does)");
        }
      }

      @Override
      public void unbind(String name) throws RemoteException, NotBoundException {
        registry.unbind(name);
      }
    };
  }
}
