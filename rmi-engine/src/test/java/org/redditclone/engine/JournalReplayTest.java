package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentSort;
import org.redditclone.api.EngineStats;
import org.redditclone.api.Limits;
import org.redditclone.api.Message;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;
import org.redditclone.api.RedditException;
import org.redditclone.api.SubredditOrder;
import org.redditclone.api.VoteDirection;
import org.redditclone.api.WriteCounts;
import org.redditclone.engine.journal.FsyncPolicy;
import org.redditclone.engine.journal.InvariantCheck;
import org.redditclone.engine.journal.Journal;
import org.redditclone.engine.journal.JournalOptions;

/**
 * Many threads change the engine while the journal records it; a new engine that replays the
 * journal (whole, or a snapshot and the tail) shows exactly the same state, and its invariant
 * check holds.
 */
final class JournalReplayTest {

  private static final int USERS = 12;
  private static final int THREADS = 8;
  private static final int OPS = 600;
  private static final List<String> SUBS = List.of("java", "kotlin", "scala");

  @TempDir Path dir;

  @Test
  void concurrentChanges_replayFromTheJournalToTheSameState() throws Exception {
    assertReplaysIdentically(JournalOptions.defaults().withFsync(FsyncPolicy.NONE).withSnapshotEvery(0));
  }

  @Test
  void concurrentChanges_replayFromSnapshotsAndTailToTheSameState() throws Exception {
    JournalOptions opts = JournalOptions.defaults().withFsync(FsyncPolicy.NONE).withSnapshotEvery(500)
        .withSegmentBytes(16 * 1024);
    assertReplaysIdentically(opts);
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertTrue(names.stream().anyMatch(n -> n.endsWith(".snap")), "a snapshot was written: " + names);
      assertTrue(names.stream().noneMatch(n -> n.equals("journal-000001.log")),
          "segments before the snapshot were deleted: " + names);
    }
  }

  @Test
  void alwaysPolicy_sharesForcesBetweenConcurrentCallers() throws Exception {
    JournalOptions opts = JournalOptions.defaults().withFsync(FsyncPolicy.ALWAYS).withSnapshotEvery(0);
    try (Fixture f = new Fixture()) {
      Journal journal = attach(f, opts);
      List<String> tokens = users(f);
      f.subreddit(tokens.get(0), "java");
      Post p = f.posts.submit(Caller.of(tokens.get(0)), "java", "t", "b");
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int me = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 100; i++) {
            f.posts.vote(Caller.of(tokens.get(me)), p.id(), i % 2 == 0 ? VoteDirection.UP.value() : VoteDirection.DOWN.value());
          }
          return null;
        }));
      }
      for (Future<?> d : done) {
        d.get();
      }
      pool.shutdown();
      var s = journal.stats();
      assertEquals(s.appendedEvents(), s.durableEvents(), "every acknowledged event is forced");
      assertTrue(s.forces() < s.appendedEvents(), "group commit: " + s);
      journal.close();
    }
  }

  private void assertReplaysIdentically(JournalOptions opts) throws Exception {
    List<Object> original;
    try (Fixture f = new Fixture()) {
      Journal journal = attach(f, opts);
      workload(f);
      original = state(f);
      journal.close();
    }
    try (Fixture replayed = new Fixture()) {
      Journal journal = Journal.open(dir, opts, replayed.engine::apply, e -> {});
      InvariantCheck.Result check = journal.checkInvariants(replayed.engine::service);
      journal.close();
      assertEquals(original, state(replayed));
      assertTrue(check.holds(), check.toString());
      assertTrue(check.posts() > 0 && check.comments() > 0, check.toString());
    }
  }

  private Journal attach(Fixture f, JournalOptions opts) throws Exception {
    Journal journal = Journal.open(dir, opts, f.engine::apply, e -> {});
    f.engine.setEventSink(journal);
    f.engine.setCallBarrier(journal::awaitCallerEvents);
    return journal;
  }

  private static List<String> users(Fixture f) throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      tokens.add(f.user("user" + i));
    }
    return tokens;
  }

  /** Posts, comments, replies, votes, joins, deletions, messages and presence from many threads. */
  private static void workload(Fixture f) throws Exception {
    List<String> tokens = users(f);
    for (int i = 0; i < SUBS.size(); i++) {
      f.subreddit(tokens.get(i), SUBS.get(i));
    }
    List<Post> posts = new CopyOnWriteArrayList<>();
    List<Comment> comments = new CopyOnWriteArrayList<>();
    List<Message> messages = new CopyOnWriteArrayList<>();
    posts.add(f.posts.submit(Caller.of(tokens.get(0)), "java", "seed", "first"));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      long seed = 42 + t;
      done.add(pool.submit(() -> {
        Random rnd = new Random(seed);
        for (int i = 0; i < OPS; i++) {
          int u = rnd.nextInt(USERS);
          String token = tokens.get(u);
          Post p = posts.get(rnd.nextInt(posts.size()));
          try {
            switch (rnd.nextInt(12)) {
              case 0 -> posts.add(f.posts.submit(Caller.of(token), SUBS.get(rnd.nextInt(SUBS.size())), "t" + i, "b"));
              case 1 -> posts.add(f.posts.repost(Caller.of(token), p.id(), SUBS.get(rnd.nextInt(SUBS.size()))));
              case 2 -> comments.add(f.comments.comment(Caller.of(token), p.id(), "c" + i));
              case 3 -> {
                if (!comments.isEmpty()) {
                  comments.add(f.comments.reply(Caller.of(token), comments.get(rnd.nextInt(comments.size())).id(), "r"));
                }
              }
              case 4, 5 -> f.posts.vote(Caller.of(token), p.id(), VoteDirection.values()[rnd.nextInt(3)].value());
              case 6 -> {
                if (!comments.isEmpty()) {
                  f.comments.vote(Caller.of(token), comments.get(rnd.nextInt(comments.size())).id(),
                      VoteDirection.values()[rnd.nextInt(3)].value());
                }
              }
              case 7 -> f.subreddits.join(Caller.of(token), SUBS.get(rnd.nextInt(SUBS.size())));
              case 8 -> f.subreddits.leave(Caller.of(token), SUBS.get(rnd.nextInt(SUBS.size())));
              case 9 -> {
                if (rnd.nextInt(10) == 0) {
                  f.posts.delete(Caller.of(token), p.id());
                } else if (!comments.isEmpty()) {
                  f.comments.delete(Caller.of(token), comments.get(rnd.nextInt(comments.size())).id());
                }
              }
              case 10 -> {
                if (rnd.nextBoolean() || messages.isEmpty()) {
                  messages.add(f.messages.send(Caller.of(token), "user" + ((u + 1) % USERS), "s", "m"));
                } else {
                  f.messages.markRead(token, messages.get(rnd.nextInt(messages.size())).id());
                }
              }
              default -> {
                if (rnd.nextBoolean()) {
                  f.users.goOnline(token);
                } else {
                  f.users.goOffline(token);
                }
              }
            }
          } catch (RedditException expected) {
            // forbidden deletes, reposts into the same subreddit: refused, nothing changes
          }
        }
        return null;
      }));
    }
    for (Future<?> d : done) {
      d.get();
    }
    pool.shutdown();
    f.users.logout(tokens.get(1));
  }

  private static List<Object> state(Fixture f) throws Exception {
    List<Object> all = new ArrayList<>();
    EngineStats s = f.engine.stats();
    all.add(List.of(s.users(), s.onlineUsers(), s.subreddits(), s.posts(), s.comments(), s.votes(),
        s.messages(), s.memberships()));
    for (int i = 0; i < USERS; i++) {
      all.add(f.users.profile("user" + i));
    }
    List<WriteCounts> writes = f.stats.writeCounts("user", null, Limits.PAGE_MAX).items();
    all.add(writes);
    // the users' counts add up to the engine's, however the writes raced
    assertEquals(List.of(s.posts(), s.comments(), s.votes(), s.messages(), s.memberships(), s.subreddits()),
        List.of(sum(writes, WriteCounts::posts), sum(writes, WriteCounts::comments),
            sum(writes, WriteCounts::votes), sum(writes, WriteCounts::messages),
            sum(writes, WriteCounts::memberships), sum(writes, WriteCounts::subreddits)));
    for (SubredditOrder order : SubredditOrder.values()) {
      all.add(f.subreddits.list(order, null, 100).items());
    }
    for (String sub : SUBS) {
      for (PostSort sort : PostSort.values()) {
        List<Post> page = f.posts.listing(sub, sort.ordinal(), null, 100).items();
        all.add(page);
        if (sort == PostSort.NEW) {
          for (Post p : page) {
            for (CommentSort cs : CommentSort.values()) {
              all.add(f.comments.tree(p.id(), cs.ordinal(), 100, 1000));
            }
          }
        }
      }
    }
    all.add(f.engine.usersForTest().sessionCount());
    return all;
  }

  private static long sum(List<WriteCounts> counts, java.util.function.ToLongFunction<WriteCounts> kind) {
    return counts.stream().mapToLong(kind).sum();
  }
}
