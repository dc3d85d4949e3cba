package org.redditclone.engine.rmi;

import java.io.InvalidClassException;
import java.rmi.NotBoundException;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.rmi.UnmarshalException;
import java.rmi.registry.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that each name in a separate registry still points at the engine's own stub, and binds
 * again every name that is missing (the registry restarted) or replaced (someone rebound it, as
 * any local process may in the JDK's rmiregistry), with a WARN that names the name and what was
 * there. Run by one thread at a time ({@link RmiServer}'s watcher).
 */
final class RegistryWatch {

  private static final Logger log = LoggerFactory.getLogger(RegistryWatch.class);

  private final Registry registry;
  private final RegistryBinder binder;
  private final Map<String, Remote> stubs;
  private final String address;
  private boolean registryLost; // watcher thread only

  RegistryWatch(Registry registry, RegistryBinder binder, Map<String, Remote> stubs, String address) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.binder = Objects.requireNonNull(binder, "binder");
    this.stubs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stubs)); // in binding order
    this.address = Objects.requireNonNull(address, "address");
  }

  /** Looks every name up and binds again what is missing or replaced; logs a lost registry once. */
  void check() {
    try {
      List<String> missing = new ArrayList<>();
      Map<String, String> replaced = new LinkedHashMap<>();
      for (Map.Entry<String, Remote> own : stubs.entrySet()) {
        String name = own.getKey();
        try {
          Remote found = registry.lookup(name);
          if (!own.getValue().equals(found)) {
            replaced.put(name, String.valueOf(found));
          }
        } catch (NotBoundException e) {
          missing.add(name);
        } catch (UnmarshalException e) {
          if (!unreadable(e)) {
            throw e;
          }
          replaced.put(name, "an object the engine may not read (" + e.getCause().getMessage() + ")");
        }
      }
      for (Map.Entry<String, String> name : replaced.entrySet()) {
        binder.rebind(name.getKey(), stubs.get(name.getKey()));
        log.warn("registry {}: {} pointed at {} instead of the engine's service; someone rebound it. Bound the "
            + "engine's again", address, name.getKey(), name.getValue());
      }
      for (String name : missing) {
        binder.rebind(name, stubs.get(name));
      }
      if (!missing.isEmpty()) {
        log.warn("registry {} had lost {} of {} bindings ({}; {}): bound them again", address, missing.size(),
            stubs.size(), String.join(", ", missing), missing.size() == stubs.size() ? "it restarted?" : "someone unbound them");
      } else if (registryLost && replaced.isEmpty()) {
        log.info("registry {} is back and still holds every binding", address);
      }
      registryLost = false;
    } catch (RemoteException e) {
      if (!registryLost) {
        log.warn("registry {} is unreachable or refuses the engine ({}); the services will be bound again when "
            + "it is back", address, e.toString());
      }
      registryLost = true;
    } catch (RuntimeException e) {
      log.error("checking the bindings in registry {} failed", address, e); // keep watching
    }
  }

  /** Returns whether the lookup found an object that this JVM cannot or may not deserialize. */
  private static boolean unreadable(UnmarshalException e) {
    return e.getCause() instanceof ClassNotFoundException || e.getCause() instanceof InvalidClassException;
  }
}
