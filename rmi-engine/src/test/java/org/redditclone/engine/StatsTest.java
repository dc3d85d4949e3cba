package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Caller;
import org.redditclone.api.EngineStats;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Post;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.stats.EngineMBeans;

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
    f.posts.vote(Caller.of(bob), p.id(), VoteDirection.UP);
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
}
