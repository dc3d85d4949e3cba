package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.rmi.Remote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentSort;
import org.redditclone.api.Message;
import org.redditclone.api.Limits;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;
import org.redditclone.api.RedditException;
import org.redditclone.api.Score;
import org.redditclone.api.Subreddit;
import org.redditclone.api.SubredditOrder;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.rmi.ServiceBinding;

/**
 * Calls every service method with random and boundary arguments (null, empty, huge, unicode,
 * control characters, unknown, negative and wrong-kind ids, null enums, garbage and foreign
 * cursors): only domain errors may come back, and afterwards the engine still serves and its
 * invariants hold: karma equals the others' votes on the user's items, comment counts equal the
 * comments in the tree, member counts equal the users who joined.
 */
final class FuzzTest {

  private static final int CALLS = 100_000;
  private static final List<String> USERS = List.of("alice", "bob", "carol");

  private final Map<String, String> tokens = new LinkedHashMap<>(); // user -> live token
  private final Map<String, String> authorOf = new HashMap<>(); // "post:7" -> author
  private final Map<String, VoteDirection> votes = new HashMap<>(); // "bob|post:7" -> vote
  private final Map<Long, Integer> commentsOf = new HashMap<>(); // post id -> comments accepted

  @Test
  void hostileArguments_neverEscapeAsRuntimeExceptions_andInvariantsHold() throws Exception {
    try (Fixture f = new Fixture()) {
      for (String u : USERS) {
        tokens.put(u, f.user(u));
      }
      String alice = tokens.get("alice");
      f.subreddit(alice, "java");
      f.subreddit(tokens.get("bob"), "rust");
      Post post = f.posts.submit(Caller.of(alice), "java", "t", "b");
      authorOf.put("post:" + post.id(), "alice");
      Comment comment = f.comments.comment(Caller.of(alice), post.id(), "c");
      authorOf.put("comment:" + comment.id(), "alice");
      commentsOf.merge(post.id(), 1, Integer::sum);
      Message message = f.messages.send(Caller.of(alice), "bob", "s", "b");
      List<String> cursors = List.of(
          f.posts.listing("java", PostSort.NEW.ordinal(), null, 1).nextCursor() == null ? "x" : f.posts.listing("java", PostSort.NEW.ordinal(), null, 1).nextCursor(),
          Base64.getUrlEncoder().encodeToString("v1|HOT|0|1".getBytes(StandardCharsets.UTF_8)),
          Base64.getUrlEncoder().encodeToString("v1|NEW|NaN|-1".getBytes(StandardCharsets.UTF_8)),
          Base64.getUrlEncoder().encodeToString("v1|FEED:NEW|1e308|9223372036854775807".getBytes(StandardCharsets.UTF_8)),
          Base64.getUrlEncoder().encodeToString("v9|||".getBytes(StandardCharsets.UTF_8)),
          "djF8SE9UfDB8MQ", "====", "c".repeat(201), "v1|NEW|1|1");
      List<String> fixed = Arrays.asList(null, "", " ", "x", "ab", "abc", "java", "rust", "JAVA", "alice", "bob",
          "carol", "nobody", "x".repeat(20), "x".repeat(21), "x".repeat(300), "x".repeat(301), "p".repeat(128),
          "p".repeat(129), "b".repeat(10_000), "b".repeat(10_001), "b".repeat(40_001), "x".repeat(200_000),
          "\u0000", "a\u0000b", "\r\n\t\u001b[31m\u0007", "😀😀😀", "\ud800", "\u202eevil", "e\u0301\u0301\u0301",
          "\ufeffjava", "' OR 1=1 --", "../../etc/passwd", "%s%n%x", "${jndi:ldap://x/a}", "<script>x</script>",
          "ja va", "java\n", "İstanbul", "ß", "null");
      long[] fixedLongs = {0, -1, 1, 2, 3, 4, 5, 99, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L,
          -post.id(), post.id(), comment.id(), message.id()};
      int[] ints = {0, -1, 1, 2, 5, 99, 100, 101, 999, 1000, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE};
      Random random = new Random(42);
      List<Method> methods = new ArrayList<>();
      List<Remote> targets = new ArrayList<>();
      for (ServiceBinding binding : f.engine.services()) {
        for (Method m : binding.service().getClass().getInterfaces()[0].getMethods()) {
          methods.add(m);
          targets.add(binding.service());
        }
      }
      int tried = 0;
      int refused = 0;
      Map<String, Integer> refusals = new HashMap<>();
      while (tried < CALLS) {
        if (tried % 2_000 == 0) {
          relogin(f); // and fresh tokens now and then
        }
        List<String> strings = new ArrayList<>(fixed);
        strings.addAll(cursors);
        strings.addAll(tokens.values());
        strings.add(tokens.get("alice") + "x");
        int i = random.nextInt(methods.size());
        Method method = methods.get(i);
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int a = 0; a < types.length; a++) {
          args[a] = pick(types[a], random, strings, fixedLongs, ints);
        }
        if (types.length > 0 && types[0] == String.class && random.nextInt(10) < 6) {
          // mostly a live token first, so that most calls get past authentication to the rest
          args[0] = new ArrayList<>(tokens.values()).get(random.nextInt(tokens.size()));
        } else if (types.length > 0 && types[0] == Caller.class && random.nextInt(10) < 6) {
          args[0] = new Caller(new ArrayList<>(tokens.values()).get(random.nextInt(tokens.size())),
              requestId(random));
        }
        tried++;
        try {
          Object result = method.invoke(targets.get(i), args);
          record(method, args, result);
          if (method.getName().equals("logout")) {
            String user = userOf(args[0]); // a fuzzed logout ended a session: keep the user acting
            tokens.put(user, f.users.login(user, Fixture.PASSWORD).token());
          }
        } catch (InvocationTargetException e) {
          if (!(e.getCause() instanceof RedditException r)) {
            fail(method.getDeclaringClass().getSimpleName() + "." + method.getName() + Arrays.toString(shorten(args))
                + " threw " + e.getCause(), e.getCause());
            return;
          }
          refused++;
          refusals.merge(r.kind(), 1, Integer::sum);
        }
      }
      System.out.printf("fuzz: %d calls, %d refused with domain errors %s, %d accepted, 0 escaped%n",
          tried, refused, refusals, tried - refused);
      assertTrue(tried >= 100_000);
      relogin(f);
      assertInvariants(f);
      // and it still serves
      String token = tokens.get("carol");
      Post p = f.posts.submit(Caller.of(token), "java", "after the storm", "");
      assertEquals(p, f.posts.get(p.id()));
    }
  }

  private void relogin(Fixture f) throws Exception {
    for (String u : USERS) {
      tokens.put(u, f.users.login(u, Fixture.PASSWORD).token());
    }
  }

  private String userOf(Object token) {
    for (Map.Entry<String, String> e : tokens.entrySet()) {
      if (e.getValue().equals(token)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Keeps the model of who wrote what and who voted how, from accepted calls only. */
  private void record(Method method, Object[] args, Object result) {
    String service = method.getDeclaringClass().getSimpleName();
    String name = method.getName();
    if (result instanceof Post p && (name.equals("submit") || name.equals("repost"))) {
      authorOf.put("post:" + p.id(), p.author());
    } else if (result instanceof Comment c && (name.equals("comment") || name.equals("reply"))) {
      if (authorOf.put("comment:" + c.id(), c.author()) == null) { // not a repeated request
        commentsOf.merge(c.postId(), 1, Integer::sum);
      }
    } else if (result instanceof Score s && name.equals("vote")) {
      String kind = service.equals("PostService") ? "post:" : "comment:";
      votes.put(userOf(((Caller) args[0]).token()) + "|" + kind + s.id(), s.myVote());
    }
  }

  private void assertInvariants(Fixture f) throws Exception {
    Map<String, long[]> karma = new HashMap<>();
    for (String u : USERS) {
      karma.put(u, new long[2]);
    }
    votes.forEach((key, vote) -> {
      String voter = key.substring(0, key.indexOf('|'));
      String item = key.substring(key.indexOf('|') + 1);
      String author = authorOf.get(item);
      if (vote != null && author != null && !author.equals(voter)) {
        int delta = vote == VoteDirection.UP ? 1 : vote == VoteDirection.DOWN ? -1 : 0;
        karma.get(author)[item.startsWith("post:") ? 0 : 1] += delta;
      }
    });
    for (String u : USERS) {
      assertEquals(karma.get(u)[0], f.users.profile(u).postKarma(), u + "'s post karma");
      assertEquals(karma.get(u)[1], f.users.profile(u).commentKarma(), u + "'s comment karma");
    }
    // comment counts: every post's count is the comments accepted for it; its tree holds them all, up to the limit
    for (String item : authorOf.keySet()) {
      if (item.startsWith("post:")) {
        long id = Long.parseLong(item.substring(5));
        Post p = f.posts.get(id);
        int comments = commentsOf.getOrDefault(id, 0);
        assertEquals(comments, p.commentCount(), "comment count of " + p);
        assertEquals(Math.min(comments, Limits.TREE_MAX), f.comments.tree(id, CommentSort.NEW.ordinal(), 10_000, Limits.TREE_MAX).size(),
            "comments in the tree of " + p);
      }
    }
    // member counts: each subreddit's count is the number of users who joined it
    Map<String, Integer> joined = new HashMap<>();
    for (String u : USERS) {
      for (Subreddit s : f.subreddits.joined(tokens.get(u))) {
        joined.merge(s.name(), 1, Integer::sum);
      }
    }
    long members = 0;
    String cursor = null;
    do {
      Page<Subreddit> page = f.subreddits.list(SubredditOrder.NEW, cursor, 100);
      for (Subreddit s : page.items()) {
        assertEquals(joined.getOrDefault(s.name(), 0), s.members(), "members of " + s.name());
        members += s.members();
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    assertEquals(members, f.engine.stats().memberships());
  }

  private static Object[] shorten(Object[] args) {
    return Arrays.stream(args).map(a -> a instanceof String s && s.length() > 40 ? s.substring(0, 40) + "…" : a).toArray();
  }

  /** Mostly fresh, sometimes 0 (refused) or one of three shared ids (repeats, reuse across kinds). */
  private static long requestId(Random random) {
    int roll = random.nextInt(16);
    return roll == 0 ? 0 : roll < 3 ? 1 + random.nextInt(3) : random.nextLong() | 1L << 62;
  }

  private static Object pick(Class<?> type, Random random, List<String> strings, long[] longs, int[] ints) {
    if (type == Caller.class) {
      return random.nextInt(20) == 0 ? null
          : new Caller(strings.get(random.nextInt(strings.size())), requestId(random));
    } else if (type == String.class) {
      return strings.get(random.nextInt(strings.size()));
    } else if (type == long.class) {
      return random.nextInt(4) == 0 ? (long) random.nextInt(60) + 1 : longs[random.nextInt(longs.length)];
    } else if (type == int.class) {
      return random.nextInt(4) == 0 ? random.nextInt() : ints[random.nextInt(ints.length)];
    } else if (type == boolean.class) {
      return random.nextBoolean();
    } else if (type.isEnum()) {
      Object[] values = type.getEnumConstants();
      int i = random.nextInt(values.length + 1);
      return i == values.length ? null : values[i];
    }
    throw new IllegalArgumentException("no values for " + type);
  }
}
