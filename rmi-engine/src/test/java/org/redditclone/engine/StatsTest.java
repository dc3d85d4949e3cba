package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.EngineStats;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Message;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.VoteDirection;
import org.redditclone.api.WriteCounts;
import org.redditclone.engine.stats.EngineMBeans;

/**
 * The stats service: the engine's counters and calls, the JMX bean, and the users' counts of
 * writes (each kind counted for its author as the engine counts it overall, a prefix selecting a
 * range of names that the pages cover once).
 */
final class StatsTest {

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
  void stats_countEverythingAndEveryCall() throws Exception {
    String alice = f.user("alice");
    String bob = f.user("bob");
    f.users.goOnline(bob);
    f.subreddit(alice, "java");
    f.subreddits.join(Caller.of(bob), "java");
    Post p = f.posts.submit(Caller.of(alice), "java", "t", "");
    f.subreddit(bob, "kotlin");
    f.posts.repost(Caller.of(bob), p.id(), "kotlin");
    f.comments.comment(Caller.of(bob), p.id(), "c");
    f.posts.vote(Caller.of(bob), p.id(), VoteDirection.UP.value());
    f.messages.send(Caller.of(alice), "bob", "s", "b");
    assertThrows(InvalidInputException.class, () -> f.posts.submit(Caller.of(alice), "java", "", ""));
    f.clock.advance(Duration.ofSeconds(5));

    EngineStats s = f.stats.stats();
    assertEquals(2, s.users());
    assertEquals(1, s.onlineUsers());
    assertEquals(2, s.subreddits());
    assertEquals(2, s.posts());
    assertEquals(1, s.comments());
    assertEquals(1, s.votes());
    assertEquals(1, s.messages());
    assertEquals(3, s.memberships());
    assertEquals(5000, s.uptimeMillis());
    Map<String, Long> calls = s.callsByOperation();
    assertEquals(2, calls.get("users.register"));
    assertEquals(2, calls.get("posts.submit")); // the failed one counts too
    assertEquals(1, calls.get("posts.vote"));
    assertEquals(0, calls.get("feed.feed"));
    assertEquals(1, calls.get("stats.stats"));
  }

  @Test
  void jmxBean_showsTheSameFigures() throws Exception {
    f.user("alice");
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName(EngineMBeans.OBJECT_NAME);
    try (AutoCloseable bean = EngineMBeans.register(f.engine::stats)) {
      assertEquals(1L, server.getAttribute(name, "Users"));
      assertEquals(0L, server.getAttribute(name, "Posts"));
      TabularData calls = (TabularData) server.getAttribute(name, "CallsByOperation");
      assertTrue(calls.size() > 20, "one row per operation: " + calls.size());
    }
    assertTrue(!server.isRegistered(name));
  }

  @Test
  void stats_carryTheJvmsGcPausesAndProcessCpu_whichOnlyGrow() throws Exception {
    EngineStats before = f.stats.stats();
    long cpuBefore = before.processCpuNanos();
    System.gc(); // a stop-the-world collection under every collector of JDK 17 but ZGC and Shenandoah
    byte[][] garbage = new byte[64][];
    for (int i = 0; i < 2_000; i++) {
      garbage[i % garbage.length] = new byte[64 * 1024];
    }
    EngineStats after = f.stats.stats();

    assertTrue(after.gcCount() > before.gcCount(), before.gcCount() + " -> " + after.gcCount());
    assertTrue(after.gcPauseMillis() >= before.gcPauseMillis() && after.gcPauseMillis() >= 0);
    assertTrue(cpuBefore > 0, "a JDK 17 on Linux tells the process CPU: " + cpuBefore);
    assertTrue(after.processCpuNanos() > cpuBefore, cpuBefore + " -> " + after.processCpuNanos());
    assertTrue(garbage[0].length > 0);
  }

  @Test
  void everyKindOfWrite_isCountedForItsAuthor_andTheUsersAddUpToTheEnginesCounts() throws Exception {
    String alice = f.user("alice");
    String bob = f.user("Bob");
    f.subreddit(alice, "java");
    f.subreddit(alice, "rust");
    f.subreddits.join(Caller.of(bob), "java");
    f.subreddits.join(Caller.of(bob), "java"); // a member already: no change
    f.subreddits.leave(Caller.of(alice), "rust");
    Post p = f.posts.submit(Caller.of(alice), "java", "t", "");
    f.posts.repost(Caller.of(bob), p.id(), "rust");
    f.posts.delete(Caller.of(alice), p.id()); // still counted, as in the engine's count
    Comment c = f.comments.comment(Caller.of(bob), p.id(), "c");
    f.comments.reply(Caller.of(alice), c.id(), "r");
    f.comments.reply(Caller.of(bob), c.id(), "r2");
    f.posts.vote(Caller.of(bob), p.id(), VoteDirection.UP.value());
    f.posts.vote(Caller.of(bob), p.id(), VoteDirection.DOWN.value()); // changed: still one standing
    f.comments.vote(Caller.of(bob), c.id(), VoteDirection.UP.value());
    f.comments.vote(Caller.of(bob), c.id(), VoteDirection.NONE.value()); // retracted
    f.comments.vote(Caller.of(alice), c.id(), VoteDirection.UP.value());
    Message m = f.messages.send(Caller.of(alice), "bob", "s", "b");
    f.messages.reply(Caller.of(bob), m.id(), "b2");
    f.messages.reply(Caller.of(bob), m.id(), "b3");

    List<WriteCounts> all = List.of(one("alice"), one("bob"));
    assertEquals(List.of(new WriteCounts("alice", 1, 1, 1, 1, 1, 2),
        new WriteCounts("Bob", 1, 2, 1, 2, 1, 0)), all);
    EngineStats s = f.stats.stats();
    assertEquals(s.posts(), sum(all, WriteCounts::posts));
    assertEquals(s.comments(), sum(all, WriteCounts::comments));
    assertEquals(s.votes(), sum(all, WriteCounts::votes));
    assertEquals(s.messages(), sum(all, WriteCounts::messages));
    assertEquals(s.memberships(), sum(all, WriteCounts::memberships));
    assertEquals(s.subreddits(), sum(all, WriteCounts::subreddits));
    assertTrue(s.callsByOperation().get("stats.writeCounts") > 0, s.callsByOperation().toString());
  }

  @Test
  void aPrefix_selectsTheNamesThatStartWithIt_ignoringCase_andThePagesCoverThemOnce() throws Exception {
    for (int i = 0; i < 250; i++) {
      f.users.register("u1_abcd_" + i, Fixture.PASSWORD);
    }
    f.users.register("U1_ABCD_X", Fixture.PASSWORD); // another case, same prefix
    f.users.register("u1_abce_0", Fixture.PASSWORD); // the next prefix up
    f.users.register("u1_abc", Fixture.PASSWORD); // shorter than the prefix
    f.users.register("u10_abcd_0", Fixture.PASSWORD);

    List<String> names = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<WriteCounts> page = f.stats.writeCounts("U1_abcd_", cursor, 100);
      page.items().forEach(w -> names.add(w.username()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null);
    assertEquals(3, pages);
    assertEquals(251, names.size());
    assertEquals(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names, "in name order");
    assertEquals(251, names.stream().map(String::toLowerCase).distinct().count(), "each once");
    assertTrue(names.contains("U1_ABCD_X"), "the name as registered");
    assertTrue(names.stream().allMatch(n -> n.toLowerCase().startsWith("u1_abcd_")), names.toString());

    Page<WriteCounts> exact = f.stats.writeCounts("u1_abcd_249", null, 100);
    assertEquals(1, exact.items().size());
    assertNull(exact.nextCursor(), "a page that ends the range has no next cursor");
    assertEquals(List.of(), f.stats.writeCounts("nobody", null, 100).items());
  }

  @Test
  void badInput_isRefusedNamingTheFieldTheValueAndTheRule() throws Exception {
    f.user("alice");
    assertRefused("prefix null is missing; it is required", () -> f.stats.writeCounts(null, null, 10));
    assertRefused("prefix '' is 0 characters; the minimum is 1", () -> f.stats.writeCounts("", null, 10));
    assertRefused("prefix 'a b' may hold only the characters A-Z a-z 0-9 _ -",
        () -> f.stats.writeCounts("a b", null, 10));
    assertRefused("prefix '" + "a".repeat(21) + "' is 21 characters; the limit is 20",
        () -> f.stats.writeCounts("a".repeat(21), null, 10));
    assertRefused("limit 0 is out of range; it must be 1..100", () -> f.stats.writeCounts("a", null, 0));
    assertRefused("limit 101 is out of range; it must be 1..100", () -> f.stats.writeCounts("a", null, 101));
    assertRefused("cursor 'bob' is no cursor of the names that start with 'a'",
        () -> f.stats.writeCounts("a", "bob", 10));
    assertRefused("cursor 'a;drop' may hold only", () -> f.stats.writeCounts("a", "a;drop", 10));
    assertEquals(1, f.stats.writeCounts("a", null, 10).items().size(), "the engine still answers");
  }

  private static void assertRefused(String start, Executable call) {
    String message = assertThrows(InvalidInputException.class, call).getMessage();
    assertTrue(message.startsWith(start), message);
  }

  /** Returns the counts of the one user named {@code name}. */
  private WriteCounts one(String name) throws Exception {
    List<WriteCounts> page = f.stats.writeCounts(name, null, 10).items();
    assertEquals(1, page.size(), name + ": " + page);
    return page.get(0);
  }

  private static long sum(List<WriteCounts> counts, ToLongFunction<WriteCounts> kind) {
    return counts.stream().mapToLong(kind).sum();
  }
}
