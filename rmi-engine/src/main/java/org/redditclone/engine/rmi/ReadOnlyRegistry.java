package org.redditclone.engine.rmi;

import java.rmi.AccessException;
import java.rmi.NotBoundException;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.RemoteServer;
import java.rmi.server.ServerNotActiveException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.rmi.registry.RegistryImpl;

/**
 * A registry whose bindings only the JVM that created it changes: the JDK's registry (the code of
 * {@code LocateRegistry.createRegistry} and of the {@code rmiregistry} tool) with {@code bind},
 * {@code rebind} and {@code unbind} refused with {@link AccessException} to every caller, each
 * refusal logged with the caller's address. {@code lookup} and {@code list} answer everyone. The
 * owner changes bindings with {@link #put} and {@link #remove}, plain methods of this class that
 * no remote caller can reach.
 *
 * <p>Why a JDK-internal superclass: clients find a registry by its well-known object id
 * ({@code LocateRegistry.getRegistry}), and no public API exports an object under that id or lets
 * code decide who may bind in the registry that {@code createRegistry} makes (it admits every
 * process of this host). The JDK's own JMX agent serves its read-only registry the same way
 * ({@code sun.management.jmxremote.SingleEntryRegistry}). Compiling and running this class needs
 * {@value #ADD_EXPORTS}.
 *
 * <p>The registry filter ({@link SerialFilters#REGISTRY_PATTERN}) still admits stubs in a
 * {@code bind}, so that a refused caller gets an {@link AccessException} from here, logged,
 * rather than a bare filter rejection: the JDK reads a call's arguments before it calls the method.
 */
final class ReadOnlyRegistry extends RegistryImpl {

  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(ReadOnlyRegistry.class);

  /** The java option every JVM that creates this registry needs. */
  static final String ADD_EXPORTS = "--add-exports java.rmi/sun.rmi.registry=ALL-UNNAMED";

  /** Answers {@link RegistryOwner#NAME} without being listed; null in the engine's own registry. */
  @SuppressWarnings("serial") // a registry is never serialized, only its stub
  private volatile Remote owner;

  /**
   * Exports a new read-only registry on {@code port}, with the registry filter as the JDK reads it
   * when its registry class initializes (so {@link SerialFilters#installRegistryFilter()} first).
   * Create it through {@link RmiServer#readOnlyRegistry}, which explains a missing
   * {@value #ADD_EXPORTS}: that fails when this class loads, before any of its code runs.
   */
  ReadOnlyRegistry(int port, RMIClientSocketFactory csf, RMIServerSocketFactory ssf) throws RemoteException {
    super(port, csf, ssf);
  }

  /** Binds {@code name} to {@code stub}, replacing what was there; for the owner of this JVM only. */
  void put(String name, Remote stub) throws RemoteException {
    Objects.requireNonNull(stub, "stub");
    if (RegistryOwner.NAME.equals(name)) {
      throw new IllegalArgumentException("name '" + name + "' is the registry's own entry");
    }
    super.rebind(Objects.requireNonNull(name, "name"), stub);
  }

  /** Unbinds {@code name}; for the owner of this JVM only. */
  void remove(String name) throws RemoteException, NotBoundException {
    super.unbind(Objects.requireNonNull(name, "name"));
  }

  /** Serves {@code stub} under {@link RegistryOwner#NAME} to lookups, unlisted. */
  void serveOwner(RegistryOwner stub) {
    owner = Objects.requireNonNull(stub, "stub");
  }

  @Override
  public Remote lookup(String name) throws RemoteException, NotBoundException {
    Remote door = owner;
    return door != null && RegistryOwner.NAME.equals(name) ? door : super.lookup(name);
  }

  @Override
  public void bind(String name, Remote obj) throws AccessException {
    throw refuse("bind", name);
  }

  @Override
  public void rebind(String name, Remote obj) throws AccessException {
    throw refuse("rebind", name);
  }

  @Override
  public void unbind(String name) throws AccessException {
    throw refuse("unbind", name);
  }

  /** Returns the refusal of {@code operation} on {@code name}, having logged it with the caller. */
  private static AccessException refuse(String operation, String name) {
    String caller;
    try {
      caller = RemoteServer.getClientHost();
    } catch (ServerNotActiveException e) {
      caller = "this JVM"; // a local call: still refused, the owner uses put and remove
    }
    String quoted = quote(name);
    log.warn("refused {} of {} from {}: this registry is read-only; only the engine that owns it binds",
        operation, quoted, caller);
    return new AccessException("registry is read-only: " + operation + " of " + quoted + " refused; only the "
        + "engine that owns it binds names");
  }

  /** Returns {@code value} quoted for a log line: control characters escaped, cut to 60 characters. */
  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("'");
    value.codePoints().limit(60).forEach(c -> {
      if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.append(value.codePointCount(0, value.length()) > 60 ? "...'" : "'").toString();
  }
}
