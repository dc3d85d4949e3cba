package org.redditclone.rmi;

import java.io.IOException;
import java.rmi.server.RMIClientSocketFactory;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.rmi.ssl.SslRMIClientSocketFactory;

/**
 * Optional TLS with client certificates for the sockets of a server (the engine, the run
 * coordinator) and its registry.
 *
 * <p>Switched on with {@code -Dredditclone.tls=true}; keys and trust come from the standard JSSE
 * properties {@code javax.net.ssl.keyStore}, {@code keyStorePassword}, {@code trustStore} and
 * {@code trustStorePassword} (scripts/make-certs.sh makes them; scripts pass them with
 * {@code --tls DIR}). Stubs carry a {@link SslRMIClientSocketFactory}, so a client only needs the
 * same properties with its own key store. The server requires a client certificate its trust
 * store trusts; a client without one fails the handshake before any RMI byte is read.
 */
public final class RmiTls {

  /** The system property that turns TLS on; the client reads the same name. */
  public static final String PROPERTY = "redditclone.tls";

  /** The protocols offered: TLS 1.3, and 1.2 for older peers. */
  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private RmiTls() {}

  /** Returns whether {@code -Dredditclone.tls=true} was given. */
  public static boolean requested() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** Returns the client socket factory stubs carry: TLS if {@code tls}, otherwise null (plain). */
  public static RMIClientSocketFactory clientFactory(boolean tls) {
    return tls ? new SslRMIClientSocketFactory() : null;
  }

  /**
   * Returns the JVM's default TLS socket factory, checking that a key store is configured.
   *
   * @throws IOException naming the property to set when there is no key store
   */
  static SSLSocketFactory serverSocketFactory() throws IOException {
    if (System.getProperty("javax.net.ssl.keyStore") == null) {
      throw new IOException("TLS is on (-D" + PROPERTY + "=true) but javax.net.ssl.keyStore is not set; "
          + "make keys with scripts/make-certs.sh and start with --tls DIR");
    }
    try {
      return SSLContext.getDefault().getSocketFactory();
    } catch (NoSuchAlgorithmException e) {
      throw new IOException("TLS cannot start: " + e.getMessage()
          + " (check javax.net.ssl.keyStore and its password)", e);
    }
  }
}
