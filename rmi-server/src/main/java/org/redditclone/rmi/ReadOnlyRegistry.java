package org.redditclone.rmi;

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
 * owner (the engine, the registry of start-registry.sh, the run coordinator) changes bindings
 * with {@link #put} and {@link #remove}, plain methods of this class that no remote caller can
 * reach.
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
public final class ReadOnlyRegistry extends RegistryImpl {

  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(ReadOnlyRegistry.class);

  /** The java option every JVM that creates this registry needs. */
  public static final String ADD_EXPORTS = "--add-exports java.rmi/sun.rmi.registry=ALL-UNNAMED";

  /** Who binds names here, for refusals: "engine", "coordinator". */
  private final String owner;

  /** An entry lookups answer without listing it (the door of start-registry.sh); null if none. */
  @SuppressWarnings("serial") // a registry is never serialized, only its stub
  private volatile Unlisted unlisted;

  private record Unlisted(String name, Remote stub) {}

  /**
   * Exports a new read-only registry on {@code port}, with the registry filter as the JDK reads it
   * when its registry class initializes (so {@link SerialFilters#installRegistryFilter()} first).
   * Create it through {@link RmiEndpoint#readOnlyRegistry}, which explains a missing
   * {@value #ADD_EXPORTS}: that fails when this class loads, before any of its code runs.
   */
  ReadOnlyRegistry(int port, RMIClientSocketFactory csf, RMIServerSocketFactory ssf, String owner)
      throws RemoteException {
    super(port, csf, ssf);
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  /** Binds {@code name} to {@code stub}, replacing what was there; for the owner of this JVM only. */
  public void put(String name, Remote stub) throws RemoteException {
    Objects.requireNonNull(stub, "stub");
    Unlisted hidden = unlisted;
    if (hidden != null && hidden.name().equals(name)) {
      throw new IllegalArgumentException("name '" + name + "' is the registry's own entry");
    }
    super.rebind(Objects.requireNonNull(name, "name"), stub);
  }

  /** Unbinds {@code name}; for the owner of this JVM only. */
  public void remove(String name) throws RemoteException, NotBoundException {
    super.unbind(Objects.requireNonNull(name, "name"));
  }

  /** Serves {@code stub} under {@code name} to lookups, unlisted and never bindable. */
  public void serveUnlisted(String name, Remote stub) {
    unlisted = new Unlisted(Objects.requireNonNull(name, "name"), Objects.requireNonNull(stub, "stub"));
  }

  @Override
  public Remote lookup(String name) throws RemoteException, NotBoundException {
    Unlisted hidden = unlisted;
    return hidden != null && hidden.name().equals(name) ? hidden.stub() : super.lookup(name);
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
  private AccessException refuse(String operation, String name) {
    String caller;
    try {
      caller = RemoteServer.getClientHost();
    } catch (ServerNotActiveException e) {
      caller = "this JVM"; // a local call: still refused, the owner uses put and remove
    }
    String quoted = quote(name);
    log.warn("refused {} of {} from {}: this registry is read-only; only the {} that owns it binds",
        operation, quoted, caller, owner);
    return new AccessException("registry is read-only: " + operation + " of " + quoted + " refused; only the "
        + owner + " that owns it binds names");
  }

  /** Returns {@code value} quoted for a log line: control characters escaped, cut to 60 characters. */
  public static String quote(String value) {
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
