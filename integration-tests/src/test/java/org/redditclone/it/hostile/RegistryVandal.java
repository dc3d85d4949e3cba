package org.redditclone.it.hostile;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.rmi.AccessException;
import java.rmi.Remote;
import java.rmi.ServerException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test only: a process of another user on the engine's host, who wants the engine's bindings. It
 * knows the contract only by reflection (run it with rmi-api.jar, and rmi-engine.jar for the
 * owner's door, on the class path), like {@link HostileClient}. Prints one line per attempt.
 *
 * <pre>
 *   RegistryVandal refused HOST PORT         bind, rebind and unbind every engine name, a new
 *                                            name, and the owner's door with a forged proof;
 *                                            exit 0 only if every attempt was refused with
 *                                            AccessException and nothing changed
 *   RegistryVandal replace HOST PORT stats   rebind redditclone/users to the engine's own stats stub
 *   RegistryVandal replace HOST PORT own FILE  rebind it to a UserService of this process that
 *                                            appends every call it gets to FILE; stays up
 *                                            until killed
 *   RegistryVandal restore HOST PORT         replace redditclone/users and time how long until
 *                                            the engine's own is bound again ("RESTORED after N ms")
 * </pre>
 */
public final class RegistryVandal {

  private RegistryVandal() {}

  public static void main(String[] args) throws Exception {
    Registry registry = LocateRegistry.getRegistry(args[1], Integer.parseInt(args[2]));
    switch (args[0]) {
      case "refused" -> System.exit(tryEverything(registry) ? 0 : 1);
      case "replace" -> replace(registry, args[3], args.length > 4 ? Path.of(args[4]) : null);
      case "restore" -> restore(registry);
      default -> {
        System.err.println("usage: RegistryVandal refused|replace|restore HOST PORT ...");
        System.exit(2);
      }
    }
  }

  /** Returns whether every change was refused with AccessException and the bindings are as before. */
  private static boolean tryEverything(Registry registry) throws Exception {
    List<String> before = Arrays.stream(registry.list()).sorted().toList();
    List<Object> stubsBefore = new ArrayList<>();
    for (String name : before) {
      stubsBefore.add(registry.lookup(name));
    }
    Remote stats = registry.lookup(binding("STATS"));
    List<String> names = new ArrayList<>(bindingNames());
    names.add("redditclone/extra");
    int tried = 0;
    int refused = 0;
    for (String name : names) {
      for (String op : List.of("bind", "rebind", "unbind")) {
        tried++;
        refused += attempt(op + " " + name, () -> {
          switch (op) {
            case "bind" -> registry.bind(name, stats);
            case "rebind" -> registry.rebind(name, stats);
            default -> registry.unbind(name);
          }
        }) ? 1 : 0;
      }
    }
    Object door = lookupDoor(registry);
    if (door != null) { // the registry of start-registry.sh: its door wants a proof of the secret
      Class<?> owner = door.getClass().getInterfaces()[0];
      Method challenge = owner.getMethod("challenge");
      Method rebind = owner.getMethod("rebind", String.class, Remote.class, byte[].class, byte[].class);
      Method unbind = owner.getMethod("unbind", String.class, byte[].class, byte[].class);
      for (String name : bindingNames()) {
        tried += 2;
        refused += attempt("door rebind " + name, () -> rebind.invoke(door, name, stats, challenge.invoke(door),
            new byte[32])) ? 1 : 0;
        refused += attempt("door unbind " + name, () -> unbind.invoke(door, name, challenge.invoke(door),
            new byte[32])) ? 1 : 0;
      }
    }
    List<String> after = Arrays.stream(registry.list()).sorted().toList();
    boolean unchanged = before.equals(after);
    for (int i = 0; unchanged && i < before.size(); i++) {
      unchanged = stubsBefore.get(i).equals(registry.lookup(before.get(i)));
    }
    System.out.println("SUMMARY tried=" + tried + " refused=" + refused + " unchanged=" + unchanged
        + " door=" + (door != null) + " names=" + after);
    return tried == refused && unchanged;
  }

  private interface Change {
    void run() throws Exception;
  }

  /** Returns whether {@code change} was refused with AccessException; prints the outcome. */
  private static boolean attempt(String what, Change change) {
    try {
      change.run();
      System.out.println("ACCEPTED " + what);
      return false;
    } catch (Exception e) {
      Throwable t = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
      Throwable cause = t instanceof ServerException ? t.getCause() : t;
      boolean refused = cause instanceof AccessException;
      System.out.println((refused ? "REFUSED " : "FAILED-OTHERWISE ") + what + " | " + cause);
      return refused;
    }
  }

  private static void replace(Registry registry, String with, Path calls) throws Exception {
    String users = binding("USERS");
    if (with.equals("stats")) {
      Remote stats = registry.lookup(binding("STATS"));
      registry.rebind(users, stats);
      System.out.println("BOUND the engine's stats stub as " + users + ": " + stats);
      return;
    }
    Class<?> type = Class.forName("org.redditclone.api.UserService");
    Remote collector = (Remote) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> switch (method.getName()) {
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          case "toString" -> "password collector";
          default -> {
            Files.writeString(calls, method.getName() + " " + Arrays.toString(args) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            throw new UnsupportedOperationException("collected");
          }
        });
    registry.rebind(users, UnicastRemoteObject.exportObject(collector, 0));
    System.out.println("BOUND a password collector as " + users);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE); // the collector lives as long as this process
  }

  private static void restore(Registry registry) throws Exception {
    String users = binding("USERS");
    Object engines = registry.lookup(users);
    registry.rebind(users, registry.lookup(binding("STATS")));
    long start = System.nanoTime();
    while (System.nanoTime() - start < 30_000_000_000L) {
      if (engines.equals(registry.lookup(users))) {
        System.out.println("RESTORED after " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return;
      }
      Thread.sleep(20);
    }
    System.out.println("NOT RESTORED within 30 s");
    System.exit(1);
  }

  private static Object lookupDoor(Registry registry) throws Exception {
    try {
      String name = (String) Class.forName("org.redditclone.engine.rmi.RegistryOwner").getField("NAME").get(null);
      return registry.lookup(name);
    } catch (java.rmi.NotBoundException | ClassNotFoundException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> bindingNames() throws Exception {
    return (List<String>) Class.forName("org.redditclone.api.Bindings").getField("ALL").get(null);
  }

  private static String binding(String field) throws Exception {
    return (String) Class.forName("org.redditclone.api.Bindings").getField(field).get(null);
  }
}
