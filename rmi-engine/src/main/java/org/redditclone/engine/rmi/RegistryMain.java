package org.redditclone.engine.rmi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.redditclone.rmi.ReadOnlyRegistry;
import org.redditclone.rmi.RmiEndpoint;
import org.redditclone.rmi.SerialFilters;

/**
 * The registry process of scripts/start-registry.sh: the JDK's own registry implementation (the
 * same code as the {@code rmiregistry} tool) listening on one address, loopback by default,
 * instead of the tool's every interface, and read-only to every caller ({@link ReadOnlyRegistry})
 * but the engine that reads its secret file ({@link RegistryOwner}). Its filter is
 * {@link SerialFilters#REGISTRY_PATTERN} unless policy/ or {@code -D} sets one.
 *
 * <p>Usage: {@code RegistryMain --secret-file FILE [--port P] [--bind-address ADDR]}; it writes a
 * new secret to FILE (mode 0600) at start and deletes it at exit. Exit 2 on a bad option, 1 if the
 * port is taken or the secret cannot be written.
 */
public final class RegistryMain {

  private static final String USAGE = "usage: RegistryMain --secret-file FILE [--port P] [--bind-address ADDR]";

  private RegistryMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = org.redditclone.api.Bindings.DEFAULT_REGISTRY_PORT;
    String bind = "127.0.0.1";
    Path secretFile = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (option) {
        case "--port" -> {
          port = parsePort(value);
          i++;
        }
        case "--bind-address" -> {
          bind = value == null ? usage("--bind-address needs a value") : value;
          i++;
        }
        case "--secret-file" -> {
          secretFile = Path.of(value == null ? usage("--secret-file needs a file") : value);
          i++;
        }
        case "--help", "-h" -> {
          System.out.println(USAGE);
          return;
        }
        default -> usage("unknown option '" + option + "'");
      }
    }
    if (secretFile == null) {
      usage("--secret-file is required: the engine proves with it that it owns this registry");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      usage("--bind-address '" + bind + "' is not a known address");
      return;
    }
    RmiEndpoint.advertise(address);
    RmiEndpoint endpoint = RmiEndpoint.on(address, false); // TLS needs the engine's embedded registry
    ReadOnlyRegistry registry;
    OwnerSecret secret;
    SecretRegistryOwner owner;
    try {
      registry = endpoint.readOnlyRegistry(port, "engine");
      secret = OwnerSecret.create(secretFile);
      owner = new SecretRegistryOwner(registry, secret);
      // The door shares the registry's port; its arguments pass the registry's filter.
      registry.serveUnlisted(RegistryOwner.NAME, endpoint.export(owner, port,
          java.io.ObjectInputFilter.Config.createFilter(SerialFilters.REGISTRY_PATTERN)));
    } catch (IOException e) { // RemoteException too
      System.err.println("registry: cannot serve on " + address.getHostAddress() + ":" + port + " with secret "
          + secretFile + ": " + e);
      System.exit(1);
      return;
    }
    Path secretPath = secretFile;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      RmiEndpoint.unexport(owner);
      RmiEndpoint.unexport(registry);
      try {
        secret.deleteIfMine(secretPath);
      } catch (IOException e) {
        System.err.println("registry: could not delete " + secretPath + ": " + e);
      }
      stopped.countDown();
    }, "registry-shutdown"));
    System.out.println("registry ready at " + address.getHostAddress() + ":" + port + " (read-only but to the "
        + "engine that reads " + secretFile + ")");
    System.out.flush();
    stopped.await(); // the strong references to registry and owner live as long as this frame
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    return usage("--port '" + value + "' must be an integer 1..65535");
  }

  private static <T> T usage(String message) {
    System.err.println("registry: " + message);
    System.err.println(USAGE);
    System.exit(2);
    return null;
  }
}
