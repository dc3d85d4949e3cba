package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.Bindings;
import org.redditclone.api.Caller;
import org.redditclone.api.EngineStats;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.Post;
import org.redditclone.api.PostService;
import org.redditclone.api.PostSort;
import org.redditclone.api.Score;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.rmi.RmiServer;
import org.redditclone.engine.rmi.RmiSettings;

/** The engine over real RMI in this JVM: export, bind, call through stubs, unexport. */
final class RmiEngineTest {

  @TempDir Path dataDir;
  private EngineMain.Running running;
  private Registry externalRegistry;

  @AfterEach
  void tearDown() throws Exception {
    if (running != null) {
      running.close();
    }
    if (externalRegistry != null) {
      UnicastRemoteObject.unexportObject(externalRegistry, true);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private EngineMain.Running start(int port, boolean embedded) throws Exception {
    List<String> args = new ArrayList<>(List.of("--registry", "127.0.0.1:" + port,
        "--password-cost", "1000", "--bind-address", "127.0.0.1", "--port", "0",
        "--data-dir", dataDir.resolve("data").toString(), "--session-idle-timeout", "1h"));
    if (embedded) {
      args.add("--embedded-registry");
    }
    return EngineMain.start(EngineOptions.parse(args.toArray(String[]::new)));
  }

  @Test
  void embeddedRegistry_servesEveryBindingThroughStubs() throws Exception {
    int port = freePort();
    running = start(port, true);
    assertEquals("engine ready registry=127.0.0.1:" + port + " services=7", running.readyLine());
    Registry registry = LocateRegistry.getRegistry("127.0.0.1", port);
    assertEquals(List.copyOf(Bindings.ALL).stream().sorted().toList(),
        List.of(registry.list()).stream().sorted().toList());
    for (String name : Bindings.ALL) {
      registry.lookup(name);
    }
    UserService users = (UserService) registry.lookup(Bindings.USERS);
    SubredditService subreddits = (SubredditService) registry.lookup(Bindings.SUBREDDITS);
    PostService posts = (PostService) registry.lookup(Bindings.POSTS);
    StatsService stats = (StatsService) registry.lookup(Bindings.STATS);

    users.register("alice", "pw");
    users.register("bob", "pw");
    String alice = users.login("alice", "pw").token();
    String bob = users.login("bob", "pw").token();
    subreddits.create(Caller.of(alice), "java", "all about java");
    Post post = posts.submit(Caller.of(alice), "java", "Hello over RMI", "body");
    Score score = posts.vote(Caller.of(bob), post.id(), VoteDirection.UP.value());
    assertEquals(new Score(post.id(), 1, 0, VoteDirection.UP), score);
    assertEquals(1, users.profile("alice").postKarma());
    assertEquals(List.of(posts.get(post.id())), posts.listing("java", PostSort.HOT.ordinal(), null, 10).items());

    // domain errors arrive as themselves, message intact
    NotAuthorizedException e = assertThrows(NotAuthorizedException.class, () -> posts.submit(Caller.of(null), "java", "t", ""));
    assertTrue(e.getMessage().startsWith("token "));
    assertThrows(InvalidInputException.class, () -> posts.listing("java", PostSort.HOT.ordinal(), null, 0));

    EngineStats s = stats.stats();
    assertEquals(2, s.users());
    assertEquals(1, s.votes());
    assertEquals(1L, s.callsByOperation().get("posts.vote"));

    running.close();
    running = null;
    assertThrows(RemoteException.class, () -> users.profile("alice"));
  }

  @Test
  void runningRegistry_isUsedAndLeftRunning() throws Exception {
    int port = freePort();
    externalRegistry = LocateRegistry.createRegistry(port);
    running = start(port, false);
    Registry registry = LocateRegistry.getRegistry("127.0.0.1", port);
    UserService users = (UserService) registry.lookup(Bindings.USERS);
    users.register("carol", "pw");
    assertEquals("carol", users.profile("CAROL").username());
    running.close();
    running = null;
    assertEquals(0, registry.list().length); // unbound, and the registry still answers
  }

  @Test
  void unreachableRegistry_failsAfterTheWait() throws Exception {
    int port = freePort();
    RmiSettings settings = new RmiSettings("127.0.0.1", port, false, InetAddress.getLoopbackAddress(),
        0, Duration.ofMillis(600));
    try (Engine engine = Engine.create(EngineConfig.defaults().withPasswordCost(1000))) {
      RemoteException e = assertThrows(RemoteException.class, () -> RmiServer.start(settings, engine.services()));
      assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }
  }
}
