package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.rmi.Remote;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Comment;
import org.redditclone.api.Message;
import org.redditclone.api.Post;
import org.redditclone.api.RedditException;
import org.redditclone.engine.rmi.ServiceBinding;

/** Calls every service method with hostile arguments: only domain errors may come back. */
final class FuzzTest {

  @Test
  void hostileArguments_neverEscapeAsRuntimeExceptions() throws Exception {
    try (Fixture f = new Fixture()) {
      String token = f.user("alice");
      f.user("bob");
      f.subreddit(token, "java");
      Post post = f.posts.submit(token, "java", "t", "b");
      Comment comment = f.comments.comment(token, post.id(), "c");
      Message message = f.messages.send(token, "bob", "s", "b");
      String cursor = f.posts.listing("java", org.redditclone.api.PostSort.NEW, null, 1).nextCursor();
      List<String> strings = java.util.Arrays.asList(null, "", "x", "java", "alice", "bob", token,
          "x".repeat(50_000), "\u0000", "😀😀😀", "djF8SE9UfDB8MQ", cursor, "../../etc");
      long[] longs = {0, -1, 1, 2, Long.MAX_VALUE, Long.MIN_VALUE, post.id(), comment.id(), message.id()};
      int[] ints = {0, -1, 1, 5, 100, 101, 1000, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE};
      Random random = new Random(42);
      for (ServiceBinding binding : f.engine.services()) {
        Remote service = binding.service();
        Class<?> api = service.getClass().getInterfaces()[0];
        for (Method method : api.getMethods()) {
          for (int round = 0; round < 300; round++) {
            Class<?>[] types = method.getParameterTypes();
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
              args[i] = pick(types[i], random, strings, longs, ints);
            }
            try {
              method.invoke(service, args);
            } catch (InvocationTargetException e) {
              if (!(e.getCause() instanceof RedditException)) {
                fail(binding.name() + "." + method.getName() + java.util.Arrays.toString(args)
                    + " threw " + e.getCause(), e.getCause());
              }
            }
          }
        }
      }
    }
  }

  private static Object pick(Class<?> type, Random random, List<String> strings, long[] longs, int[] ints) {
    if (type == String.class) {
      return strings.get(random.nextInt(strings.size()));
    } else if (type == long.class) {
      return longs[random.nextInt(longs.length)];
    } else if (type == int.class) {
      return ints[random.nextInt(ints.length)];
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
