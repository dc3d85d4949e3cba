package org.redditclone.client.connect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Proxy;
import java.rmi.NotBoundException;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.rmi.UnmarshalException;
import java.rmi.registry.Registry;
import java.rmi.server.RemoteObject;
import java.rmi.server.RemoteRef;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.redditclone.api.Bindings;
import org.redditclone.api.CommentService;
import org.redditclone.api.FeedService;
import org.redditclone.api.MessageService;
import org.redditclone.api.PostService;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;

/**
 * Checks what a registry holds under the engine's names before a client calls it: each entry
 * implements the interface its name promises, and all entries call one endpoint, one engine. A
 * registry that any local process may write to (the JDK's rmiregistry) can hold a stranger's
 * object that collects the passwords and tokens sent to it; this refuses it with one clear line.
 */
public final class EngineStubCheck {

  /** The interface the engine binds under each name, in the order of {@link Bindings#ALL}. */
  static final Map<String, Class<? extends Remote>> EXPECTED = expected();

  private EngineStubCheck() {}

  /**
   * Returns what {@code registry} holds under {@code name}.
   *
   * @throws AlteredRegistryException if it holds an object this client cannot or may not read
   */
  public static Object lookup(Registry registry, String name) throws RemoteException, NotBoundException {
    try {
      return registry.lookup(name);
    } catch (UnmarshalException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ClassNotFoundException || cause instanceof InvalidClassException) {
        throw altered(name, "found an object this client cannot read: " + cause.getMessage());
      }
      throw e;
    }
  }

  /**
   * Returns {@code entries} (name to what the registry holds) if each implements the interface its
   * name promises and all call one endpoint.
   *
   * @throws AlteredRegistryException naming the first entry that does not, what it is and where
   *     it points
   * @throws IllegalArgumentException for a name the engine does not bind
   */
  public static Map<String, Object> verify(Map<String, ?> entries) throws AlteredRegistryException {
    Map<String, String> endpoints = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : entries.entrySet()) {
      Object found = entry.getValue();
      if (!expected(entry.getKey()).isInstance(found)) {
        throw altered(entry.getKey(), "found " + describe(found));
      }
      endpoints.put(entry.getKey(), endpoint(found));
    }
    Map<String, Long> counts = endpoints.values().stream()
        .collect(Collectors.groupingBy(String::valueOf, LinkedHashMap::new, Collectors.counting()));
    if (counts.size() > 1) { // the engine is where most entries point; a stranger replaced the rest
      String engine = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      for (Map.Entry<String, String> entry : endpoints.entrySet()) {
        if (!engine.equals(String.valueOf(entry.getValue()))) {
          throw altered(entry.getKey(), "found " + describe(entries.get(entry.getKey())) + ", while the other "
              + "services are at " + engine);
        }
      }
    }
    return Map.copyOf(entries);
  }

  /**
   * Returns {@code host:port} that {@code stub} calls, from its reference's external form (which
   * {@link RemoteObject}'s serialized form specifies), or null if it is no RMI stub.
   */
  static String endpoint(Object stub) {
    RemoteRef ref = null;
    if (stub instanceof RemoteObject remote) {
      ref = remote.getRef();
    } else if (stub != null && Proxy.isProxyClass(stub.getClass())
        && Proxy.getInvocationHandler(stub) instanceof RemoteObject handler) {
      ref = handler.getRef();
    }
    if (ref == null) {
      return null;
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      String kind;
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        kind = ref.getRefClass(out);
        ref.writeExternal(out);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        if ("UnicastRef2".equals(kind)) {
          in.readByte(); // whether a client socket factory follows the host and port
        }
        return in.readUTF() + ":" + in.readInt();
      }
    } catch (IOException | RuntimeException e) {
      return ref.remoteToString(); // a kind of reference the specification does not describe
    }
  }

  /** Returns what {@code found} is and where it points: "a StatsService at 127.0.0.1:40857", "a String (not an RMI stub)". */
  static String describe(Object found) {
    if (found == null) {
      return "nothing";
    }
    String kind = Proxy.isProxyClass(found.getClass())
        ? Arrays.stream(found.getClass().getInterfaces()).filter(i -> i != Remote.class)
            .map(Class::getSimpleName).collect(Collectors.joining(" and "))
        : found.getClass().getSimpleName();
    kind = kind.isEmpty() ? "Remote" : kind;
    String endpoint = endpoint(found);
    return "a " + kind + (endpoint != null ? " at " + endpoint : found instanceof Remote ? "" : " (not an RMI stub)");
  }

  private static AlteredRegistryException altered(String name, String found) {
    return new AlteredRegistryException("registry entry " + name + " is not the engine's "
        + expected(name).getSimpleName() + " (" + found + "); the registry may have been altered");
  }

  private static Class<? extends Remote> expected(String name) {
    Class<? extends Remote> type = EXPECTED.get(name);
    if (type == null) {
      throw new IllegalArgumentException("'" + name + "' is not a name the engine binds; it binds " + Bindings.ALL);
    }
    return type;
  }

  private static Map<String, Class<? extends Remote>> expected() {
    Map<String, Class<? extends Remote>> m = new LinkedHashMap<>();
    m.put(Bindings.USERS, UserService.class);
    m.put(Bindings.SUBREDDITS, SubredditService.class);
    m.put(Bindings.POSTS, PostService.class);
    m.put(Bindings.COMMENTS, CommentService.class);
    m.put(Bindings.FEED, FeedService.class);
    m.put(Bindings.MESSAGES, MessageService.class);
    m.put(Bindings.STATS, StatsService.class);
    if (!m.keySet().equals(new java.util.LinkedHashSet<>(Bindings.ALL))) {
      throw new IllegalStateException("EngineStubCheck names " + m.keySet() + " but the engine binds " + Bindings.ALL);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
