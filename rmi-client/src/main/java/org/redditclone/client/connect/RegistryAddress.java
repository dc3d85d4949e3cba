package org.redditclone.client.connect;

import java.util.Objects;
import org.redditclone.api.Bindings;

/**
 * Where the RMI registry listens.
 *
 * @param host a host name or address
 * @param port 1..65535
 */
public record RegistryAddress(String host, int port) {

  /** The registry of a local engine started with the scripts' defaults. */
  public static final RegistryAddress LOCAL_DEFAULT =
      new RegistryAddress("127.0.0.1", Bindings.DEFAULT_REGISTRY_PORT);

  public RegistryAddress {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("registry port " + port + " is out of range; it must be 1..65535");
    }
  }

  /**
   * Returns the address written as {@code HOST:PORT} or {@code HOST} (default port).
   *
   * @throws IllegalArgumentException naming {@code option} and the value when it is malformed
   */
  public static RegistryAddress parse(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(option + " is empty; expected HOST:PORT");
    }
    int colon = value.lastIndexOf(':');
    if (colon < 0) {
      return new RegistryAddress(value, Bindings.DEFAULT_REGISTRY_PORT);
    }
    String host = value.substring(0, colon);
    String portText = value.substring(colon + 1);
    if (host.isEmpty()) {
      throw new IllegalArgumentException(option + " '" + value + "' has no host; expected HOST:PORT");
    }
    try {
      int port = Integer.parseInt(portText);
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(
            option + " '" + value + "' has port " + port + "; it must be 1..65535");
      }
      return new RegistryAddress(host, port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " '" + value + "' has port '" + portText + "', which is not a number", e);
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
