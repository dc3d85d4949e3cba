package org.redditclone.rmi;

import java.io.ObjectInputFilter;
import java.rmi.NotBoundException;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A server's own {@link ReadOnlyRegistry} on one port, with the server's objects exported on the
 * same port and bound in it: one port to reach and to open in a firewall. For servers outside the
 * engine (the run coordinator); its type hides the JDK-internal superclass of the registry, so
 * their code compiles without {@value ReadOnlyRegistry#ADD_EXPORTS} (it still runs with it).
 * Not thread-safe: one thread starts and closes it.
 */
public final class OwnRegistry implements AutoCloseable {

  private final RmiEndpoint endpoint;
  private final int port;
  private final ReadOnlyRegistry registry;
  private final List<String> names = new ArrayList<>();
  private final List<Remote> exported = new ArrayList<>();
  private boolean closed;

  private OwnRegistry(RmiEndpoint endpoint, int port, ReadOnlyRegistry registry) {
    this.endpoint = endpoint;
    this.port = port;
    this.registry = registry;
  }

  /**
   * Starts a registry on {@code port} of {@code endpoint} that only this JVM binds in ({@code
   * owner} names it in refusals).
   *
   * @throws RemoteException if the port is taken or the JVM lacks {@value
   *     ReadOnlyRegistry#ADD_EXPORTS}
   */
  public static OwnRegistry start(RmiEndpoint endpoint, int port, String owner) throws RemoteException {
    Objects.requireNonNull(endpoint, "endpoint");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port is " + port + "; it must be 1..65535");
    }
    return new OwnRegistry(endpoint, port, endpoint.readOnlyRegistry(port, owner));
  }

  /** Exports {@code object} on the registry's port, its calls read through {@code filter}, and binds it as {@code name}. */
  public void bind(String name, Remote object, ObjectInputFilter filter) throws RemoteException {
    if (closed) {
      throw new IllegalStateException("the registry on port " + port + " is closed");
    }
    Remote stub = endpoint.export(object, port, filter);
    exported.add(object);
    registry.put(name, stub);
    names.add(name);
  }

  /** Returns the port of the registry and of every object bound in it. */
  public int port() {
    return port;
  }

  /** Unbinds and unexports every object, then the registry. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (String name : names) {
      try {
        registry.remove(name);
      } catch (RemoteException | NotBoundException e) {
        // going away anyway
      }
    }
    exported.forEach(RmiEndpoint::unexport);
    RmiEndpoint.unexport(registry);
  }
}
