package org.redditclone.engine.rmi;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the service objects are exported and bound.
 *
 * @param registryHost the registry's host
 * @param registryPort the registry's port
 * @param embeddedRegistry whether to create the registry in this JVM instead of using a running one
 * @param bindAddress the address every server socket listens on
 * @param exportPort the port objects are exported on, 0 for any free port
 * @param registryWait how long to retry an unreachable registry before giving up
 * @param registrySecret the secret file of a registry started by scripts/start-registry.sh, which
 *     binds only for whoever reads it; null for the embedded registry or one that lets every local
 *     process bind (the JDK's rmiregistry tool)
 */
public record RmiSettings(
    String registryHost,
    int registryPort,
    boolean embeddedRegistry,
    InetAddress bindAddress,
    int exportPort,
    Duration registryWait,
    Path registrySecret) {

  public RmiSettings {
    Objects.requireNonNull(registryHost, "registryHost");
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(registryWait, "registryWait");
    if (registryPort < 1 || registryPort > 65535) {
      throw new IllegalArgumentException("registryPort must be 1..65535: " + registryPort);
    }
    if (exportPort < 0 || exportPort > 65535) {
      throw new IllegalArgumentException("exportPort must be 0..65535: " + exportPort);
    }
    if (embeddedRegistry && registrySecret != null) {
      throw new IllegalArgumentException("registrySecret " + registrySecret + " is for a separate registry; "
          + "the embedded one needs none");
    }
  }

  /** Settings without a registry secret. */
  public RmiSettings(String registryHost, int registryPort, boolean embeddedRegistry, InetAddress bindAddress,
      int exportPort, Duration registryWait) {
    this(registryHost, registryPort, embeddedRegistry, bindAddress, exportPort, registryWait, null);
  }

  /** Returns {@code host:port} of the registry. */
  public String registryAddress() {
    return registryHost + ":" + registryPort;
  }
}
