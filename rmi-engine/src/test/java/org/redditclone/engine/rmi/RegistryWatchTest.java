package org.redditclone.engine.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.NotBoundException;
import java.rmi.Remote;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Bindings;
import org.redditclone.api.FeedService;
import org.redditclone.api.UserService;
import org.redditclone.engine.Engine;
import org.redditclone.engine.EngineConfig;

/**
 * The engine binds its services again when a separate registry restarts and forgets them, or when
 * another process replaces one (as any local process may in the JDK's registry).
 */
final class RegistryWatchTest {

  @Test
  void restartedRegistry_getsEveryBindingBack() throws Exception {
    int port = freePort();
    Registry first = LocateRegistry.createRegistry(port);
    RmiSettings settings = new RmiSettings("127.0.0.1", port, false, InetAddress.getLoopbackAddress(),
        0, Duration.ofSeconds(5));
    Registry second = null;
    try (Engine engine = Engine.create(EngineConfig.defaults().withPasswordCost(1000));
        RmiServer server = RmiServer.start(settings, engine.services(), Duration.ofMillis(100))) {
      Registry client = LocateRegistry.getRegistry("127.0.0.1", port);
      assertEquals(new TreeSet<>(Bindings.ALL), names(client));

      UnicastRemoteObject.unexportObject(first, true); // the registry process dies...
      Thread.sleep(300); // ...and stays down for a few checks
      second = LocateRegistry.createRegistry(port); // ...and comes back empty
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (names(client).size() < Bindings.ALL.size() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(new TreeSet<>(Bindings.ALL), names(client), "every binding is back");
      UserService users = (UserService) client.lookup(Bindings.USERS);
      users.register("after", "pw");
      assertEquals("after", users.profile("after").username(), "the re-bound stubs work");
      assertTrue(server.serviceCount() == Bindings.ALL.size());
    } finally {
      unexport(second);
      unexport(first);
    }
  }

  @Test
  void replacedBinding_pointsAtTheEngineAgainWithinAFewChecks() throws Exception {
    int port = freePort();
    Registry open = LocateRegistry.createRegistry(port); // the JDK's registry: any local caller may rebind
    RmiSettings settings = new RmiSettings("127.0.0.1", port, false, InetAddress.getLoopbackAddress(),
        0, Duration.ofSeconds(5));
    try (Engine engine = Engine.create(EngineConfig.defaults().withPasswordCost(1000));
        RmiServer server = RmiServer.start(settings, engine.services(), Duration.ofMillis(100))) {
      Registry client = LocateRegistry.getRegistry("127.0.0.1", port);
      Remote users = client.lookup(Bindings.USERS);
      Remote stats = client.lookup(Bindings.STATS);
      client.rebind(Bindings.USERS, stats); // what the attacker of the issue did
      client.unbind(Bindings.FEED);
      assertEquals(stats, client.lookup(Bindings.USERS), "the registry took the foreign binding");

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!(users.equals(lookupOrNull(client, Bindings.USERS)) && lookupOrNull(client, Bindings.FEED) != null)
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(users, client.lookup(Bindings.USERS), "the engine's own UserService is bound again");
      assertTrue(client.lookup(Bindings.FEED) instanceof FeedService, "the removed binding is back");
      ((UserService) client.lookup(Bindings.USERS)).register("again", "pw");
    } finally {
      unexport(open);
    }
  }

  private static Remote lookupOrNull(Registry registry, String name) throws Exception {
    try {
      return registry.lookup(name);
    } catch (NotBoundException e) {
      return null;
    }
  }

  private static void unexport(Registry registry) {
    try {
      if (registry != null) {
        UnicastRemoteObject.unexportObject(registry, true);
      }
    } catch (java.rmi.NoSuchObjectException e) {
      // unexported already
    }
  }

  private static Set<String> names(Registry registry) throws Exception {
    return new TreeSet<>(Arrays.asList(registry.list()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
