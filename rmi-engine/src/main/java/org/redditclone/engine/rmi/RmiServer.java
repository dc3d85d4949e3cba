package org.redditclone.engine.rmi;

import java.rmi.NotBoundException;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.ExportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redditclone.rmi.ReadOnlyRegistry;
import org.redditclone.rmi.RmiEndpoint;
import org.redditclone.rmi.RmiTls;
import org.redditclone.rmi.SerialFilters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the service objects and binds them in a registry; {@link #close()} unbinds and unexports
 * them. Holds a strong reference to every exported object and to an embedded registry, because
 * RMI's distributed GC would otherwise let them be collected.
 *
 * <p>Only the engine changes its bindings. The embedded registry is a {@link ReadOnlyRegistry};
 * the registry of scripts/start-registry.sh binds for the engine that proves it read the
 * registry's secret file ({@link RmiSettings#registrySecret()}, {@link RegistryOwner}); the JDK's
 * rmiregistry tool lets every local process bind. A separate registry may also restart and forget
 * every binding while the engine runs. So for a separate registry a {@link RegistryWatch} looks
 * every name up every {@link #WATCH_PERIOD} and binds again what is missing or replaced.
 */
public final class RmiServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RmiServer.class);
  private static final long RETRY_MILLIS = 250;
  /** How often the watcher checks that a separate registry still holds the engine's own bindings. */
  public static final Duration WATCH_PERIOD = Duration.ofSeconds(2);

  private final RmiSettings settings;
  private final Registry registry;
  private final RegistryBinder binder;
  private final boolean embedded;
  private final List<Remote> exported = new ArrayList<>();
  private final Map<String, Remote> stubs = new LinkedHashMap<>();
  private final List<String> bound = new ArrayList<>();
  private ScheduledExecutorService watcher;
  private RegistryWatch watch; // guarded by this
  private boolean closed; // guarded by this

  private RmiServer(RmiSettings settings, Registry registry, RegistryBinder binder, boolean embedded) {
    this.settings = settings;
    this.registry = registry;
    this.binder = binder;
    this.embedded = embedded;
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
    RmiEndpoint endpoint = RmiEndpoint.on(settings.bindAddress());
    boolean tls = endpoint.tls();
    if (tls && !settings.embeddedRegistry()) {
      throw new ExportException("TLS (-D" + RmiTls.PROPERTY + "=true) needs the embedded registry "
          + "(--embedded-registry): a separate registry would hand out stubs in the clear");
    }
    Registry registry;
    RegistryBinder binder;
    if (settings.embeddedRegistry()) {
      ReadOnlyRegistry own = endpoint.readOnlyRegistry(settings.registryPort(), "engine");
      registry = own;
      binder = RegistryBinder.embedded(own);
    } else {
      registry = awaitRegistry(settings);
      binder = settings.registrySecret() == null
          ? RegistryBinder.open(registry, settings.registryAddress())
          : RegistryBinder.owner(registry, settings.registrySecret(), settings.registryAddress());
    }
    if (tls) {
      log.info("TLS with client certificates on every socket of {} and its registry", settings.bindAddress());
    }
    RmiServer server = new RmiServer(settings, registry, binder, settings.embeddedRegistry());
    try {
      for (ServiceBinding binding : bindings) {
        Remote stub = endpoint.export(binding.service(), settings.exportPort(), SerialFilters.serviceFilter());
        server.exported.add(binding.service());
        server.stubs.put(binding.name(), stub);
        // rebind: a registry outliving a crashed engine still holds the old, dead stubs.
        binder.rebind(binding.name(), stub);
        server.bound.add(binding.name());
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
    watch = new RegistryWatch(registry, binder, stubs, settings.registryAddress());
    watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "registry-watch");
      t.setDaemon(true);
      return t;
    });
    long millis = Math.max(1, period.toMillis());
    watcher.scheduleWithFixedDelay(this::checkBindings, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Binds again what the registry lost or someone replaced; nothing once closed. */
  private synchronized void checkBindings() {
    if (!closed) {
      watch.check();
    }
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
    for (String name : bound) {
      try {
        binder.unbind(name);
      } catch (NotBoundException e) {
        // already gone (the registry restarted): nothing to undo
      } catch (RemoteException e) {
        log.warn("could not unbind {} from {}: {}", name, settings.registryAddress(), e.toString());
      }
    }
    exported.forEach(RmiEndpoint::unexport);
    if (embedded) {
      RmiEndpoint.unexport(registry);
    }
    log.info("unbound and unexported {} services from registry {}", exported.size(), settings.registryAddress());
  }
}
