package org.redditclone.engine.rmi;

import java.net.InetAddress;
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
 */
public record RmiSettings(
    String registryHost,
    int registryPort,
    boolean embeddedRegistry,
    InetAddress bindAddress,
    int exportPort,
    Duration registryWait) {

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
  }

  /** Returns {@code host:port} of the registry. */
  public String registryAddress() {
    return registryHost + ":" + registryPort;
  }
}
