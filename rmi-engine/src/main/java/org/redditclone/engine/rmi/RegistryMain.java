package org.redditclone.engine.rmi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.concurrent.CountDownLatch;

/**
 * The registry process of scripts/start-registry.sh: the JDK's own registry implementation
 * ({@code LocateRegistry.createRegistry}, the same code as the {@code rmiregistry} tool) listening
 * on one address, loopback by default, instead of the tool's every interface. Its filter is
 * {@link SerialFilters#REGISTRY_PATTERN} unless policy/ or {@code -D} sets one.
 *
 * <p>Usage: {@code RegistryMain [--port P] [--bind-address ADDR]}; exit 2 on a bad option, 1 if
 * the port is taken.
 */
public final class RegistryMain {

  private RegistryMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = org.redditclone.api.Bindings.DEFAULT_REGISTRY_PORT;
    String bind = "127.0.0.1";
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
        case "--help", "-h" -> {
          System.out.println("usage: RegistryMain [--port P] [--bind-address ADDR]");
          return;
        }
        default -> usage("unknown option '" + option + "'");
      }
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      usage("--bind-address '" + bind + "' is not a known address");
      return;
    }
    if (System.getProperty("java.rmi.server.hostname") == null) {
      System.setProperty("java.rmi.server.hostname", address.getHostAddress());
    }
    SerialFilters.installRegistryFilter();
    Registry registry;
    try {
      registry = LocateRegistry.createRegistry(port, null, new BindAddressServerSocketFactory(address));
    } catch (RemoteException e) {
      System.err.println("registry: cannot listen on " + address.getHostAddress() + ":" + port + ": " + e);
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        UnicastRemoteObject.unexportObject(registry, true);
      } catch (java.rmi.NoSuchObjectException e) {
        // already gone
      }
      stopped.countDown();
    }, "registry-shutdown"));
    System.out.println("registry ready at " + address.getHostAddress() + ":" + port);
    System.out.flush();
    stopped.await(); // the strong reference to registry lives as long as this frame
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
    System.exit(2);
    return null;
  }
}
