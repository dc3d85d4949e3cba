package org.redditclone.engine.rmi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import java.util.Objects;

/**
 * Makes RMI listen on one address only (the loopback by default), so the engine is not reachable
 * from other hosts unless asked. Equal factories share a listening port, hence equals/hashCode.
 */
public final class BindAddressServerSocketFactory implements RMIServerSocketFactory {

  private static final int BACKLOG = 256; // many client JVMs connect at once at the start of a run

  private final InetAddress address;

  /** Creates a factory of server sockets bound to {@code address}. */
  public BindAddressServerSocketFactory(InetAddress address) {
    this.address = Objects.requireNonNull(address, "address");
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    return new ServerSocket(port, BACKLOG, address);
  }

  /** Returns the address sockets are bound to. */
  public InetAddress address() {
    return address;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BindAddressServerSocketFactory f && f.address.equals(address);
  }

  @Override
  public int hashCode() {
    return address.hashCode();
  }

  @Override
  public String toString() {
    return "BindAddressServerSocketFactory[" + address.getHostAddress() + "]";
  }
}
