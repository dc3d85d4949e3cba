package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentSort;
import org.redditclone.api.Post;
import org.redditclone.api.VoteDirection;

/**
 * Many threads vote, change and retract votes, comment and post on shared items at once; after
 * they finish, every count equals a sequential recomputation from the final votes.
 */
final class ConcurrencyTest {

  private static final int THREADS = 8;
  private static final int OPS = 3000;
  private static final int USERS = 16;

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void concurrentVotesCommentsAndPosts_leaveScoresKarmaAndCountsExact() throws Exception {
    List<String> names = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      names.add("user" + i);
      tokens.add(f.user("user" + i));
    }
    f.subreddit(tokens.get(0), "shared");
    List<Post> posts = new CopyOnWriteArrayList<>();
    List<Comment> comments = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 4; i++) {
      Post p = f.posts.submit(Caller.of(tokens.get(i)), "shared", "seed " + i, "");
      posts.add(p);
      comments.add(f.comments.comment(Caller.of(tokens.get(i + 1)), p.id(), "seed"));
    }
    // The last vote each thread cast on each item; each user votes from one thread only, so the
    // final vote of a (user, item) pair is the last one that thread cast.
    Map<String, VoteDirection> finalVotes = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        Random random = new Random(thread);
        start.await();
        for (int op = 0; op < OPS; op++) {
          int u = thread * (USERS / THREADS) + random.nextInt(USERS / THREADS);
          String token = tokens.get(u);
          VoteDirection d = VoteDirection.values()[random.nextInt(3)];
          int what = random.nextInt(10);
          if (what < 4) {
            Post p = posts.get(random.nextInt(posts.size()));
            f.posts.vote(Caller.of(token), p.id(), d.value());
            finalVotes.put(u + "/p" + p.id(), d);
          } else if (what < 8) {
            Comment c = comments.get(random.nextInt(comments.size()));
            f.comments.vote(Caller.of(token), c.id(), d.value());
            finalVotes.put(u + "/c" + c.id(), d);
          } else if (what < 9) {
            Comment parent = comments.get(random.nextInt(comments.size()));
            comments.add(f.comments.reply(Caller.of(token), parent.id(), "reply " + op));
          } else if (op % 3 == 0) {
            posts.add(f.posts.submit(Caller.of(token), "shared", "post " + op, ""));
          } else {
            Post p = posts.get(random.nextInt(posts.size()));
            comments.add(f.comments.comment(Caller.of(token), p.id(), "comment " + op));
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> future : futures) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    Map<Long, int[]> postVotes = new HashMap<>();
    Map<Long, int[]> commentVotes = new HashMap<>();
    Map<String, Long> postKarma = new HashMap<>();
    Map<String, Long> commentKarma = new HashMap<>();
    Map<Long, String> postAuthor = new HashMap<>();
    Map<Long, String> commentAuthor = new HashMap<>();
    posts.forEach(p -> postAuthor.put(p.id(), p.author()));
    comments.forEach(c -> commentAuthor.put(c.id(), c.author()));
    long castVotes = 0;
    for (Map.Entry<String, VoteDirection> e : finalVotes.entrySet()) {
      String[] parts = e.getKey().split("/");
      String voter = names.get(Integer.parseInt(parts[0]));
      long id = Long.parseLong(parts[1].substring(1));
      boolean post = parts[1].charAt(0) == 'p';
      VoteDirection d = e.getValue();
      if (d == VoteDirection.NONE) {
        continue;
      }
      castVotes++;
      int[] counts = (post ? postVotes : commentVotes).computeIfAbsent(id, k -> new int[2]);
      counts[d == VoteDirection.UP ? 0 : 1]++;
      String author = (post ? postAuthor : commentAuthor).get(id);
      if (!author.equals(voter)) {
        (post ? postKarma : commentKarma).merge(author, (long) d.value(), Long::sum);
      }
    }
    for (Post p : posts) {
      Post now = f.posts.get(p.id());
      int[] expected = postVotes.getOrDefault(p.id(), new int[2]);
      assertEquals(expected[0], now.ups(), "ups of post " + p.id());
      assertEquals(expected[1], now.downs(), "downs of post " + p.id());
      long inThread = comments.stream().filter(c -> c.postId() == p.id()).count();
      assertEquals(inThread, now.commentCount(), "comments of post " + p.id());
      assertEquals(inThread, f.comments.tree(p.id(), CommentSort.BEST.ordinal(), Integer.MAX_VALUE, 1000).size());
    }
    for (Comment c : comments) {
      Comment now = f.comments.get(c.id());
      int[] expected = commentVotes.getOrDefault(c.id(), new int[2]);
      assertEquals(expected[0], now.ups(), "ups of comment " + c.id());
      assertEquals(expected[1], now.downs(), "downs of comment " + c.id());
    }
    for (String name : names) {
      assertEquals(postKarma.getOrDefault(name, 0L), f.users.profile(name).postKarma(), "post karma of " + name);
      assertEquals(commentKarma.getOrDefault(name, 0L), f.users.profile(name).commentKarma(), "comment karma of " + name);
    }
    assertEquals(castVotes, f.stats.stats().votes());
    assertEquals(posts.size(), f.stats.stats().posts());
    assertEquals(comments.size(), f.stats.stats().comments());
  }
}
