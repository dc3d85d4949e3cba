package org.redditclone.rmi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.rmi.server.RMIServerSocketFactory;
import java.util.Objects;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Makes RMI listen on one address only (the loopback by default), so the engine is not reachable
 * from other hosts unless asked. Every accepted connection is capped at {@link
 * CallSizeLimit#MAX_CALL_BYTES} per call and, with TLS, must present a client certificate the
 * JVM's trust store trusts (JSSE's {@code javax.net.ssl.*} properties configure both sides).
 * Equal factories share a listening port, hence equals/hashCode.
 */
public final class BindAddressServerSocketFactory implements RMIServerSocketFactory {

  private static final int BACKLOG = 256; // many client JVMs connect at once at the start of a run

  private final InetAddress address;
  private final boolean tls;

  /** Creates a factory of plain server sockets bound to {@code address}. */
  public BindAddressServerSocketFactory(InetAddress address) {
    this(address, false);
  }

  /** Creates a factory of server sockets bound to {@code address}, TLS with client auth if {@code tls}. */
  public BindAddressServerSocketFactory(InetAddress address, boolean tls) {
    this.address = Objects.requireNonNull(address, "address");
    this.tls = tls;
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    // Fail at export, not at the first client, when TLS has no usable key store.
    SSLSocketFactory ssl = tls ? RmiTls.serverSocketFactory() : null;
    return new ServerSocket(port, BACKLOG, address) {
      @Override
      public Socket accept() throws IOException {
        if (isClosed()) {
          throw new SocketException("server socket is closed");
        }
        Socket plain = new CallSizeLimit(CallSizeLimit.MAX_CALL_BYTES);
        implAccept(plain);
        if (ssl == null) {
          return plain;
        }
        // The handshake runs on the connection's own thread at its first read, not here.
        SSLSocket socket = (SSLSocket) ssl.createSocket(
            plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        socket.setUseClientMode(false);
        socket.setNeedClientAuth(true);
        socket.setEnabledProtocols(RmiTls.PROTOCOLS);
        return socket;
      }
    };
  }

  /** Returns the address sockets are bound to. */
  public InetAddress address() {
    return address;
  }

  /** Returns whether connections use TLS with client certificates. */
  public boolean tls() {
    return tls;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BindAddressServerSocketFactory f && f.address.equals(address) && f.tls == tls;
  }

  @Override
  public int hashCode() {
    return address.hashCode() * 31 + Boolean.hashCode(tls);
  }

  @Override
  public String toString() {
    return "BindAddressServerSocketFactory[" + address.getHostAddress() + (tls ? ", tls" : "") + "]";
  }
}
