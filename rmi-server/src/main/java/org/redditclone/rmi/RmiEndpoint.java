package org.redditclone.rmi;

import java.io.ObjectInputFilter;
import java.net.InetAddress;
import java.rmi.NoSuchObjectException;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.rmi.server.ExportException;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a server listens and how: one address (the loopback by default), TLS with client
 * certificates or not, each call capped in size. Every export and every registry of a server goes
 * through here, so that none of them can forget the address, TLS or the cap.
 */
public final class RmiEndpoint {

  private static final Logger log = LoggerFactory.getLogger(RmiEndpoint.class);

  private final BindAddressServerSocketFactory serverFactory;
  private final RMIClientSocketFactory clientFactory;

  private RmiEndpoint(InetAddress address, boolean tls) {
    this.serverFactory = new BindAddressServerSocketFactory(address, tls);
    this.clientFactory = RmiTls.clientFactory(tls);
  }

  /** Returns the endpoint on {@code address}, with TLS if {@code -Dredditclone.tls=true}. */
  public static RmiEndpoint on(InetAddress address) {
    return on(address, RmiTls.requested());
  }

  /** Returns the endpoint on {@code address}, with TLS and client certificates if {@code tls}. */
  public static RmiEndpoint on(InetAddress address, boolean tls) {
    return new RmiEndpoint(Objects.requireNonNull(address, "address"), tls);
  }

  /**
   * Makes the stubs of this JVM name {@code address} as their host (the JDK's
   * {@code java.rmi.server.hostname}), unless the property is set: a client must call the server
   * at the address it listens on.
   */
  public static void advertise(InetAddress address) {
    if (System.getProperty("java.rmi.server.hostname") == null) {
      System.setProperty("java.rmi.server.hostname", address.getHostAddress());
    }
  }

  /** Returns the address every socket listens on. */
  public InetAddress address() {
    return serverFactory.address();
  }

  /** Returns whether connections use TLS with client certificates. */
  public boolean tls() {
    return serverFactory.tls();
  }

  /** Returns the factory of this endpoint's server sockets. */
  public BindAddressServerSocketFactory serverFactory() {
    return serverFactory;
  }

  /** Returns the client socket factory the stubs carry: TLS, or null for plain sockets. */
  public RMIClientSocketFactory clientFactory() {
    return clientFactory;
  }

  /**
   * Exports {@code object} on {@code port} (0 for any) of this endpoint, every call's arguments
   * read through {@code filter}; returns its stub.
   */
  public Remote export(Remote object, int port, ObjectInputFilter filter) throws RemoteException {
    return UnicastRemoteObject.exportObject(object, port, clientFactory, serverFactory,
        Objects.requireNonNull(filter, "filter"));
  }

  /**
   * Returns a new {@link ReadOnlyRegistry} on {@code port} of this endpoint that only {@code owner}
   * (for refusals: "engine", "coordinator") binds in, with the registry filter of {@link
   * SerialFilters#installRegistryFilter()} unless one is configured. Where other hosts can connect
   * (an address other than the loopback), the JDK's own refusals are logged too ({@link
   * JdkRefusalLog}).
   *
   * @throws ExportException if the port cannot be listened on, or the JVM lacks the option
   *     {@value ReadOnlyRegistry#ADD_EXPORTS}
   */
  public ReadOnlyRegistry readOnlyRegistry(int port, String owner) throws RemoteException {
    if (SerialFilters.installRegistryFilter()) {
      log.debug("registry filter set in code: {}", SerialFilters.REGISTRY_PATTERN);
    }
    ReadOnlyRegistry registry;
    try {
      registry = new ReadOnlyRegistry(port, clientFactory, serverFactory, owner);
    } catch (IllegalAccessError e) { // thrown when ReadOnlyRegistry loads, so caught here, not in it
      throw new ExportException("the registry needs the java option " + ReadOnlyRegistry.ADD_EXPORTS
          + " (the scripts and the build pass it): " + e.getMessage());
    }
    if (!address().isLoopbackAddress()) {
      JdkRefusalLog.install(); // other hosts can reach the registry; the JDK refuses their binds
    }
    return registry;
  }

  /** Unexports {@code object} at once, calls in progress or not; nothing if it is not exported. */
  public static void unexport(Remote object) {
    try {
      UnicastRemoteObject.unexportObject(object, true);
    } catch (NoSuchObjectException e) {
      // already unexported
    }
  }

  @Override
  public String toString() {
    return address().getHostAddress() + (tls() ? " (TLS)" : "");
  }
}
