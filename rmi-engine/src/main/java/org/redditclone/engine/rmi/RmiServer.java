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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the service objects and binds them in a registry; {@link #close()} unbinds and unexports
 * them. Holds a strong reference to every exported object and to an embedded registry, because
 * RMI's distributed GC would otherwise let them be collected.
 *
 * <p>A separate registry (scripts/start-registry.sh) may restart and forget every binding while
 * the engine runs. A watcher asks it for its names every {@link #WATCH_PERIOD} and binds every
 * service again when one is missing, so clients looking the engine up find it without an engine
 * restart.
 */
public final class RmiServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RmiServer.class);
  private static final long RETRY_MILLIS = 250;
  /** How often the watcher checks that a separate registry still holds every binding. */
  public static final Duration WATCH_PERIOD = Duration.ofSeconds(2);

  private final RmiSettings settings;
  private final Registry registry;
  private final boolean embedded;
  private final List<ServiceBinding> bindings;
  private final List<Remote> exported = new ArrayList<>();
  private final Map<String, Remote> stubs = new LinkedHashMap<>();
  private ScheduledExecutorService watcher;
  private boolean registryLost; // watcher thread only
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
    return start(settings, bindings, WATCH_PERIOD);
  }

  /** Like {@link #start(RmiSettings, List)}, the watcher checking every {@code watchPeriod}. */
  static RmiServer start(RmiSettings settings, List<ServiceBinding> bindings, Duration watchPeriod)
      throws RemoteException, InterruptedException {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(watchPeriod, "watchPeriod");
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
        server.stubs.put(binding.name(), stub);
        // rebind: a registry outliving a crashed engine still holds the old, dead stubs.
        registry.rebind(binding.name(), stub);
        log.debug("bound {} at {}", binding.name(), settings.registryAddress());
      }
    } catch (RemoteException | RuntimeException e) {
      server.close();
      throw e;
    }
    if (!settings.embeddedRegistry()) {
      server.watch(watchPeriod);
    }
    return server;
  }

  private synchronized void watch(Duration period) {
    watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "registry-watch");
      t.setDaemon(true);
      return t;
    });
    long millis = Math.max(1, period.toMillis());
    watcher.scheduleWithFixedDelay(this::checkBindings, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Binds every service again if the registry lost one (it restarted); logs outages once. */
  private void checkBindings() {
    try {
      Set<String> present = new HashSet<>(Arrays.asList(registry.list()));
      List<String> missing = new ArrayList<>();
      stubs.keySet().stream().filter(name -> !present.contains(name)).forEach(missing::add);
      if (!missing.isEmpty()) {
        rebindAll(missing);
      } else if (registryLost) {
        log.info("registry {} is back and still holds every binding", settings.registryAddress());
      }
      registryLost = false;
    } catch (RemoteException e) {
      if (!registryLost) {
        log.warn("registry {} is unreachable ({}); the services will be bound again when it is back",
            settings.registryAddress(), e.toString());
      }
      registryLost = true;
    } catch (RuntimeException e) {
      log.error("checking the bindings in registry {} failed", settings.registryAddress(), e); // keep watching
    }
  }

  private synchronized void rebindAll(List<String> missing) throws RemoteException {
    if (closed) {
      return;
    }
    for (Map.Entry<String, Remote> binding : stubs.entrySet()) {
      registry.rebind(binding.getKey(), binding.getValue());
    }
    log.warn("registry {} had lost {} of {} bindings ({}; it restarted?): bound all {} again",
        settings.registryAddress(), missing.size(), stubs.size(), String.join(", ", missing), stubs.size());
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
    if (watcher != null) {
      watcher.shutdownNow();
    }
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
