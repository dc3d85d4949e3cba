package org.redditclone.engine.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.rmi.Remote;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.Bindings;
import org.redditclone.api.CommentService;
import org.redditclone.api.CommentSort;
import org.redditclone.api.EngineStats;
import org.redditclone.api.ForbiddenException;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.PostService;
import org.redditclone.api.PostSort;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.EngineMain;
import org.redditclone.engine.EngineOptions;

/**
 * A slice of the authorization matrix through real RMI: an engine exported on loopback with its
 * embedded registry, called through the stubs a client gets from the registry. Every operation
 * that acts as a user is tried with no token, a forged one, a real one with one character changed
 * and a logged-out one; a third user tries to delete others' things and to read or mark others'
 * mail; a second session votes again. All are refused with the declared exception (which must
 * survive the trip through RMI), and nothing changes.
 *
 * <p>The operations that take a token are found by name in the interfaces and their first
 * argument built from the token by type: a {@code String} token, or a record holding one (such as
 * a {@code Caller(token, requestId)}), so the test follows the contract as it changes.
 */
final class RmiAuthorizationSliceTest {

  @TempDir Path dir;
  private EngineMain.Running running;
  private Registry registry;
  private UserService users;
  private PostService posts;
  private CommentService comments;
  private SubredditService subreddits;
  private StatsService stats;
  private String alice;
  private String bob;
  private long postId;
  private long commentId;
  private long messageId;

  @BeforeEach
  void start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    running = EngineMain.start(EngineOptions.parse("--registry", "127.0.0.1:" + port, "--embedded-registry",
        "--password-cost", "1000", "--data-dir", dir.resolve("data").toString()));
    registry = LocateRegistry.getRegistry("127.0.0.1", port);
    users = (UserService) registry.lookup(Bindings.USERS);
    posts = (PostService) registry.lookup(Bindings.POSTS);
    comments = (CommentService) registry.lookup(Bindings.COMMENTS);
    subreddits = (SubredditService) registry.lookup(Bindings.SUBREDDITS);
    stats = (StatsService) registry.lookup(Bindings.STATS);
    alice = user("alice");
    bob = user("bob");
    call(Bindings.SUBREDDITS, "create", alice, "java", "d");
    call(Bindings.SUBREDDITS, "create", alice, "rust", "d");
    postId = id(call(Bindings.POSTS, "submit", alice, "java", "hello", "body"));
    commentId = id(call(Bindings.COMMENTS, "comment", alice, postId, "first"));
    call(Bindings.COMMENTS, "reply", bob, commentId, "second");
    call(Bindings.POSTS, "vote", bob, postId, VoteDirection.UP.value());
    messageId = id(call(Bindings.MESSAGES, "send", alice, "bob", "secret", "psst"));
  }

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  private String user(String name) throws Exception {
    users.register(name, "pw-" + name);
    return users.login(name, "pw-" + name).token();
  }

  /** Every operation that acts as a user: binding, method name, the arguments after the token. */
  private Map<String, Object[]> operations() {
    Map<String, Object[]> ops = new LinkedHashMap<>();
    ops.put(Bindings.USERS + " logout", new Object[0]);
    ops.put(Bindings.USERS + " whoami", new Object[0]);
    ops.put(Bindings.USERS + " goOnline", new Object[0]);
    ops.put(Bindings.USERS + " goOffline", new Object[0]);
    ops.put(Bindings.SUBREDDITS + " create", new Object[] {"newsub", "d"});
    ops.put(Bindings.SUBREDDITS + " join", new Object[] {"rust"});
    ops.put(Bindings.SUBREDDITS + " leave", new Object[] {"java"});
    ops.put(Bindings.SUBREDDITS + " joined", new Object[0]);
    ops.put(Bindings.POSTS + " submit", new Object[] {"java", "t", "b"});
    ops.put(Bindings.POSTS + " repost", new Object[] {postId, "rust"});
    ops.put(Bindings.POSTS + " vote", new Object[] {postId, VoteDirection.DOWN.value()});
    ops.put(Bindings.POSTS + " delete", new Object[] {postId});
    ops.put(Bindings.COMMENTS + " comment", new Object[] {postId, "c"});
    ops.put(Bindings.COMMENTS + " reply", new Object[] {commentId, "r"});
    ops.put(Bindings.COMMENTS + " vote", new Object[] {commentId, VoteDirection.DOWN.value()});
    ops.put(Bindings.COMMENTS + " delete", new Object[] {commentId});
    ops.put(Bindings.FEED + " feed", new Object[] {PostSort.NEW.ordinal(), null, 10});
    ops.put(Bindings.MESSAGES + " send", new Object[] {"bob", "s", "b"});
    ops.put(Bindings.MESSAGES + " reply", new Object[] {messageId, "b"});
    ops.put(Bindings.MESSAGES + " inbox", new Object[] {false, null, 10});
    ops.put(Bindings.MESSAGES + " sent", new Object[] {null, 10});
    ops.put(Bindings.MESSAGES + " markRead", new Object[] {messageId});
    ops.put(Bindings.MESSAGES + " conversation", new Object[] {messageId});
    return ops;
  }

  @Test
  void everyOperation_throughRmi_withNoForgedChangedOrLoggedOutToken_isNotAuthorized_andChangesNothing()
      throws Exception {
    String loggedOut = users.login("alice", "pw-alice").token();
    users.logout(loggedOut);
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    Map<String, String> badTokens = new LinkedHashMap<>();
    badTokens.put("no token", null);
    badTokens.put("forged token of the right shape", Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    badTokens.put("a session token with one character changed", flip(alice));
    badTokens.put("a logged-out token", loggedOut);
    List<Object> before = state();
    int tried = 0;
    for (Map.Entry<String, String> bad : badTokens.entrySet()) {
      for (Map.Entry<String, Object[]> op : operations().entrySet()) {
        String[] at = op.getKey().split(" ");
        expect(NotAuthorizedException.class, op.getKey() + " with " + bad.getKey(),
            () -> call(at[0], at[1], bad.getValue(), op.getValue()));
        tried++;
      }
    }
    assertEquals(before, state());
    assertEquals(23 * badTokens.size(), tried);
    System.out.printf("authorization through RMI: %d calls with bad tokens, all NotAuthorizedException%n", tried);
  }

  @Test
  void anotherUser_throughRmi_mayNotDeleteOrReadOrMarkOthersThings_andVotingAgainCountsOnce() throws Exception {
    String mallory = user("mallory");
    List<Object> before = state();
    Map<String, Object[]> wrongUser = new LinkedHashMap<>();
    wrongUser.put(Bindings.POSTS + " delete", new Object[] {postId});
    wrongUser.put(Bindings.COMMENTS + " delete", new Object[] {commentId});
    wrongUser.put(Bindings.MESSAGES + " conversation", new Object[] {messageId});
    wrongUser.put(Bindings.MESSAGES + " reply", new Object[] {messageId, "hi"});
    wrongUser.put(Bindings.MESSAGES + " markRead", new Object[] {messageId});
    for (Map.Entry<String, Object[]> op : wrongUser.entrySet()) {
      String[] at = op.getKey().split(" ");
      expect(ForbiddenException.class, "mallory: " + op.getKey(), () -> call(at[0], at[1], mallory, op.getValue()));
    }
    // the sender is no recipient: she may not mark her own sent message read
    expect(ForbiddenException.class, "alice marks her sent message read",
        () -> call(Bindings.MESSAGES, "markRead", alice, messageId));
    assertEquals(List.of(), items(call(Bindings.MESSAGES, "inbox", mallory, false, null, 100)));
    assertEquals(List.of(), items(call(Bindings.MESSAGES, "sent", mallory, null, 100)));

    // voting again, and from a second session, changes nothing
    String bob2 = users.login("bob", "pw-bob").token();
    call(Bindings.POSTS, "vote", bob, postId, VoteDirection.UP.value());
    call(Bindings.POSTS, "vote", bob2, postId, VoteDirection.UP.value());
    assertEquals(1, posts.get(postId).ups());
    assertEquals(before, state());
  }

  /** Calls {@code method} of the service bound as {@code binding} as the holder of {@code token}. */
  private Object call(String binding, String method, String token, Object... rest) throws Exception {
    Remote stub = registry.lookup(binding);
    Method m = find(stub, method, rest.length + 1);
    Object[] args = new Object[rest.length + 1];
    args[0] = tokenArgument(m.getParameterTypes()[0], token);
    System.arraycopy(rest, 0, args, 1, rest.length);
    try {
      return m.invoke(stub, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static Method find(Remote stub, String name, int arity) {
    List<Method> found = new ArrayList<>();
    for (Class<?> api : stub.getClass().getInterfaces()) {
      Arrays.stream(api.getMethods()).filter(m -> m.getName().equals(name) && m.getParameterCount() == arity)
          .forEach(found::add);
    }
    assertEquals(1, found.size(), name + "/" + arity + " in " + Arrays.toString(stub.getClass().getInterfaces()));
    return found.get(0);
  }

  /** A String token as is; a record (a Caller) with the token in its String component and a fresh request id. */
  static Object tokenArgument(Class<?> type, String token) throws Exception {
    if (type == String.class) {
      return token;
    }
    assertTrue(type.isRecord(), "the first argument of a user's operation is a token or holds one: " + type);
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = types[i] == String.class ? token
          : types[i] == long.class ? ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)
          : types[i] == int.class ? ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE)
          : null;
    }
    return type.getDeclaredConstructor(types).newInstance(values);
  }

  private interface Call {
    void run() throws Exception;
  }

  private static void expect(Class<? extends Exception> expected, String what, Call call) {
    try {
      call.run();
      fail(what + ": was allowed");
    } catch (Exception e) {
      assertInstanceOf(expected, e, what + ": " + e);
    }
  }

  /** Everything a refused call could have changed, read with fresh sessions. */
  private List<Object> state() throws Exception {
    EngineStats s = stats.stats();
    List<Object> state = new ArrayList<>(List.of(s.users(), s.subreddits(), s.posts(), s.comments(), s.votes(),
        s.messages(), s.memberships()));
    state.add(users.profile("alice"));
    state.add(users.profile("bob"));
    state.add(stats.writeCounts("alice", null, 10).items()); // the counts of writes, over RMI
    state.add(stats.writeCounts("bob", null, 10).items());
    state.add(posts.get(postId));
    state.add(comments.tree(postId, CommentSort.NEW.ordinal(), 10, 100));
    state.add(posts.listing("java", PostSort.NEW.ordinal(), null, 100).items());
    state.add(posts.listing("rust", PostSort.NEW.ordinal(), null, 100).items());
    state.add(subreddits.get("java"));
    state.add(subreddits.get("rust"));
    String a = users.login("alice", "pw-alice").token();
    String b = users.login("bob", "pw-bob").token();
    state.add(items(call(Bindings.MESSAGES, "inbox", b, false, null, 100)));
    state.add(items(call(Bindings.MESSAGES, "sent", a, null, 100)));
    state.add(call(Bindings.MESSAGES, "conversation", a, messageId));
    users.logout(a);
    users.logout(b);
    return state;
  }

  private static Object items(Object page) throws Exception {
    return page.getClass().getMethod("items").invoke(page);
  }

  private static long id(Object item) throws Exception {
    return (long) item.getClass().getMethod("id").invoke(item);
  }

  private static String flip(String token) {
    char c = token.charAt(token.length() / 2);
    return token.substring(0, token.length() / 2) + (c == 'A' ? 'B' : 'A') + token.substring(token.length() / 2 + 1);
  }
}
