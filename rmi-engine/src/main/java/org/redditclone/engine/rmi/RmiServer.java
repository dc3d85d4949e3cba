package org.redditclone.engine.rmi;

import java.rmi.NoSuchObjectException;
import java.rmi.NotBoundException;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.ExportException;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the service objects and binds them in a registry; {@link #close()} unbinds and unexports
 * them. Holds a strong reference to every exported object and to an embedded registry, because
 * RMI's distributed GC would otherwise let them be collected.
 */
public final class RmiServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RmiServer.class);
  private static final long RETRY_MILLIS = 250;

  private final RmiSettings settings;
  private final Registry registry;
  private final boolean embedded;
  private final List<ServiceBinding> bindings;
  private final List<Remote> exported = new ArrayList<>();
  private boolean closed;

  private RmiServer(RmiSettings settings, Registry registry, boolean embedded, List<ServiceBinding> bindings) {
    this.settings = settings;
    this.registry = registry;
    this.embedded = embedded;
    this.bindings = List.copyOf(bindings);
  }

  /**
   * Exports every service with the bind-address socket factory and the serial filter, and binds it.
   *
   * @throws RemoteException if the registry stays unreachable for {@link RmiSettings#registryWait()}
   *     or an export or bind fails; anything exported so far is unexported again
   */
  public static RmiServer start(RmiSettings settings, List<ServiceBinding> bindings)
      throws RemoteException, InterruptedException {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(bindings, "bindings");
    boolean tls = RmiTls.requested();
    BindAddressServerSocketFactory ssf = new BindAddressServerSocketFactory(settings.bindAddress(), tls);
    RMIClientSocketFactory csf = RmiTls.clientFactory(tls);
    if (tls && !settings.embeddedRegistry()) {
      throw new ExportException("TLS (-D" + RmiTls.PROPERTY + "=true) needs the embedded registry "
          + "(--embedded-registry): a separate registry would hand out stubs in the clear");
    }
    if (settings.embeddedRegistry() && SerialFilters.installRegistryFilter()) {
      log.debug("registry filter set in code: {}", SerialFilters.REGISTRY_PATTERN);
    }
    Registry registry = settings.embeddedRegistry()
        ? LocateRegistry.createRegistry(settings.registryPort(), csf, ssf)
        : awaitRegistry(settings);
    if (tls) {
      log.info("TLS with client certificates on every socket of {} and its registry", settings.bindAddress());
    }
    RmiServer server = new RmiServer(settings, registry, settings.embeddedRegistry(), bindings);
    try {
      for (ServiceBinding binding : bindings) {
        Remote stub = UnicastRemoteObject.exportObject(binding.service(), settings.exportPort(), csf,
            ssf, SerialFilters.serviceFilter());
        server.exported.add(binding.service());
        // rebind: a registry outliving a crashed engine still holds the old, dead stubs.
        registry.rebind(binding.name(), stub);
        log.debug("bound {} at {}", binding.name(), settings.registryAddress());
      }
    } catch (RemoteException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static Registry awaitRegistry(RmiSettings settings)
      throws RemoteException, InterruptedException {
    Registry registry = LocateRegistry.getRegistry(settings.registryHost(), settings.registryPort());
    long deadline = System.nanoTime() + settings.registryWait().toNanos();
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        registry.list();
        return registry;
      } catch (RemoteException e) {
        if (System.nanoTime() > deadline) {
          throw new RemoteException("registry " + settings.registryAddress() + " is unreachable after "
              + attempts + " attempts in " + settings.registryWait().toSeconds() + " s; start it first "
              + "(scripts/start-registry.sh) or pass --embedded-registry", e);
        }
        if (attempts == 1) {
          log.info("waiting up to {} s for registry {}", settings.registryWait().toSeconds(),
              settings.registryAddress());
        }
        Thread.sleep(RETRY_MILLIS);
      }
    }
  }

  /** Returns the registry the services are bound in. */
  public Registry registry() {
    return registry;
  }

  /** Returns how many services are exported and bound. */
  public int serviceCount() {
    return exported.size();
  }

  /** Unbinds and unexports every service, and the registry if it is embedded. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (ServiceBinding binding : bindings) {
      try {
        registry.unbind(binding.name());
      } catch (NotBoundException e) {
        // never bound or already gone: nothing to undo
      } catch (RemoteException e) {
        log.warn("could not unbind {} from {}: {}", binding.name(), settings.registryAddress(), e.toString());
      }
    }
    for (Remote service : exported) {
      unexport(service);
    }
    if (embedded) {
      unexport(registry);
    }
    log.info("unbound and unexported {} services from registry {}", exported.size(), settings.registryAddress());
  }

  private static void unexport(Remote object) {
    try {
      UnicastRemoteObject.unexportObject(object, true);
    } catch (NoSuchObjectException e) {
      // already unexported
    }
  }
}
