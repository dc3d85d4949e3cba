package org.redditclone.engine.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.rmi.Remote;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.Bindings;
import org.redditclone.api.Caller;
import org.redditclone.api.CommentList;
import org.redditclone.api.EngineStats;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.NotFoundException;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostService;
import org.redditclone.api.PostSort;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditOrder;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;
import org.redditclone.engine.EngineMain;
import org.redditclone.engine.EngineOptions;
import org.redditclone.rmi.CallSizeLimit;

/**
 * Hostile streams against a real engine over RMI in this JVM: every argument slot of every
 * exported service, and the embedded registry's bind, receive a class outside the allow-list, a
 * graph too deep, an array too large, too many references and strings too long. Each is refused,
 * no tripwire is ever constructed or read, and the engine serves normal calls afterwards.
 *
 * <p>The tripwire classes are on this JVM's class path, as a gadget on the engine's would be, so
 * only the filters stand between them and instantiation.
 */
final class HostileStreamTest {

  @TempDir Path dir;
  private EngineMain.Running running;
  private Registry registry;
  private int port;

  @BeforeEach
  void start() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    running = EngineMain.start(EngineOptions.parse("--registry", "127.0.0.1:" + port, "--embedded-registry",
        "--password-cost", "1000", "--data-dir", dir.resolve("data").toString()));
    registry = LocateRegistry.getRegistry("127.0.0.1", port);
    HostileCalls.CREATED.set(0);
    HostileCalls.READ.set(0);
  }

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  /** The payloads; each is made fresh per call, before the tripwire counters are read. */
  private static Map<String, Supplier<Object>> payloads() {
    Map<String, Supplier<Object>> p = new LinkedHashMap<>();
    p.put("class outside the allow-list", HostileCalls.Tripwire::new);
    p.put("allowed container holding a gadget", () -> new ArrayList<>(List.of("ok", new HostileCalls.Tripwire())));
    p.put("page (wire form) holding a gadget", () -> new Page<>(List.of(new HostileCalls.Tripwire()), null));
    p.put("graph 25 deep", () -> HostileCalls.nested(25));
    p.put("graph 25 deep ending in a gadget", () -> {
      Object[] root = HostileCalls.nested(25);
      Object[] at = root;
      while (at[0] != null) {
        at = (Object[]) at[0];
      }
      at[0] = new HostileCalls.Tripwire();
      return root;
    });
    p.put("array of 100,001", () -> new boolean[100_001]);
    p.put("12,000 references", () -> HostileCalls.manyReferences(12_000));
    p.put("1.2 MB string followed by an object", () -> new Object[] {"s".repeat(1_200_000), new Object[0]});
    p.put("3 MB string", () -> "s".repeat(3_000_000));
    return p;
  }

  @Test
  void everyArgumentSlotOfEveryService_refusesEveryHostilePayload_andNothingIsInstantiated() throws Exception {
    int tried = 0;
    int slots = 0;
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    for (String name : Bindings.ALL) {
      Remote stub = registry.lookup(name);
      Class<?> api = stub.getClass().getInterfaces()[0];
      for (Method method : api.getMethods()) {
        Class<?>[] types = method.getParameterTypes();
        for (int slot = 0; slot < types.length; slot++) {
          if (types[slot].isPrimitive()) {
            continue; // read as raw data, never as an object
          }
          slots++;
          for (Map.Entry<String, Supplier<Object>> payload : payloads().entrySet()) {
            Object[] args = filler(types);
            args[slot] = payload.getValue().get();
            int createdBefore = HostileCalls.CREATED.get();
            String where = name + "." + method.getName() + " argument " + slot + " (" + types[slot].getSimpleName()
                + "): " + payload.getKey();
            Exception e = assertThrows(Exception.class, () -> HostileCalls.invoke(stub, method, args), where);
            tried++;
            outcomes.merge(outcome(e), 1, Integer::sum);
            assertEquals(createdBefore, HostileCalls.CREATED.get(), where + ": a tripwire was constructed");
            assertEquals(0, HostileCalls.READ.get(), where + ": a tripwire was read");
            if (types[slot] != String.class && !payload.getKey().contains("string")) {
              assertTrue(refusedByFilter(e), where + ": not refused by the filter: " + chain(e));
            }
            if (payload.getKey().equals("3 MB string")) {
              assertTrue(chain(e).contains("over " + CallSizeLimit.MAX_CALL_BYTES + " bytes")
                      || chain(e).contains("Connection reset") || chain(e).contains("Broken pipe")
                      || chain(e).contains("connection"), where + ": " + chain(e));
            }
          }
        }
      }
    }
    System.out.printf("hostile stream: %d payloads into %d argument slots, all refused: %s%n", tried, slots, outcomes);
    assertTrue(slots >= 30, "argument slots found: " + slots);
    assertEngineStillServes();
  }

  @Test
  void aLegalArgument_goesThroughTheSameRawPath() throws Exception {
    PostService posts = (PostService) registry.lookup(Bindings.POSTS);
    Method listing = PostService.class.getMethod("listing", String.class, int.class, String.class, int.class);
    assertThrows(NotFoundException.class,
        () -> HostileCalls.invoke(posts, listing, "nosuchsub", PostSort.HOT.ordinal(), null, 10));
  }

  @Test
  void shallowGraphsAndSmallArrays_reachTheMethod_onlyToFailItsTypeCheck() throws Exception {
    SubredditService subreddits = (SubredditService) registry.lookup(Bindings.SUBREDDITS);
    Method list = SubredditService.class.getMethod("list", SubredditOrder.class, String.class, int.class);
    // the last two arrive as WireForm and resolve to a Page and a CommentList: legal values of the
    // wrong type, refused by the method's type check like the rest
    for (Object shape : List.of(HostileCalls.nested(5), new int[1000], HostileCalls.manyReferences(100),
        new Page<>(List.of("x"), null), CommentList.copyOf(List.of()))) {
      Exception e = assertThrows(Exception.class, () -> HostileCalls.invoke(subreddits, list, shape, null, 10));
      assertTrue(e instanceof IllegalArgumentException && !chain(e).contains("REJECTED"), chain(e));
    }
  }

  @Test
  void theEmbeddedRegistry_refusesHostileBinds_andStillServesLookups() throws Exception {
    int tried = 0;
    for (Map.Entry<String, Supplier<Object>> payload : payloads().entrySet()) {
      Object value = payload.getValue().get();
      int createdBefore = HostileCalls.CREATED.get();
      Exception e = assertThrows(Exception.class, () -> HostileCalls.registryBind(registry, "hostile", value),
          payload.getKey());
      tried++;
      assertEquals(createdBefore, HostileCalls.CREATED.get(), payload.getKey() + ": a tripwire was constructed");
      assertEquals(0, HostileCalls.READ.get(), payload.getKey());
      if (!payload.getKey().contains("string")) {
        assertTrue(refusedByFilter(e), payload.getKey() + ": " + chain(e));
      }
    }
    assertTrue(tried >= 8);
    assertEquals(Bindings.ALL.size(), registry.list().length, "nothing was bound");
    assertEngineStillServes();
  }

  private void assertEngineStillServes() throws Exception {
    Registry fresh = LocateRegistry.getRegistry("127.0.0.1", port);
    UserService users = (UserService) fresh.lookup(Bindings.USERS);
    SubredditService subreddits = (SubredditService) fresh.lookup(Bindings.SUBREDDITS);
    PostService posts = (PostService) fresh.lookup(Bindings.POSTS);
    users.register("survivor", "pw");
    String token = users.login("survivor", "pw").token();
    subreddits.create(Caller.of(token), "still_here", "after the attack");
    Post post = posts.submit(Caller.of(token), "still_here", "alive", "");
    assertEquals(post, posts.get(post.id()));
    assertThrows(InvalidInputException.class, () -> posts.submit(Caller.of(token), "still_here", "t".repeat(301), ""));
    EngineStats stats = ((StatsService) fresh.lookup(Bindings.STATS)).stats();
    assertEquals(1, stats.users());
    assertEquals(1, stats.posts());
    assertNotNull(stats.callsByOperation());
  }

  private static Object[] filler(Class<?>[] types) {
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      args[i] = t == int.class ? 10 : t == long.class ? 1L : t == boolean.class ? Boolean.FALSE : null;
    }
    return args;
  }

  private static String outcome(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return e.getClass().getSimpleName() + "/" + root.getClass().getSimpleName();
  }

  static String chain(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      b.append(t).append(" <- ");
    }
    return b.toString();
  }

  /**
   * Returns whether the server's filter refused the stream: its REJECTED status came back, or, for
   * a payload bigger than the socket buffers, the server stopped reading at the array's header and
   * the rest of the write failed.
   */
  static boolean refusedByFilter(Throwable e) {
    String chain = chain(e);
    return chain.contains("REJECTED") || chain.contains("Broken pipe") || chain.contains("Connection reset");
  }
}
