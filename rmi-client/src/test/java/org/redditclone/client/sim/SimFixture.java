package org.redditclone.client.sim;

import java.nio.file.Path;
import java.time.Duration;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.client.connect.RetryPolicy;
import org.redditclone.client.metrics.ClientMetrics;
import org.redditclone.client.testing.FakeEngine;

/** One client's simulation state against a faked engine, for the tests of the sim classes. */
final class SimFixture implements AutoCloseable {

  /** The most users a test of the fixture makes. */
  static final int USERS = 16;

  final FakeEngine engine = new FakeEngine();
  final World world = new World(1, 5);
  final Tally tally = new Tally();
  final VoteLedger votes = new VoteLedger();
  final ClientMetrics metrics;
  final EngineCalls calls;
  final Behaviour behaviour;

  SimFixture(Path dir) throws Exception {
    metrics = ClientMetrics.create(1, dir);
    calls = new EngineCalls(engine.connection(), metrics, 1,
        RetryPolicy.pauses(Duration.ofMillis(1), Duration.ofMillis(1)).atMost(2));
    behaviour = new Behaviour(1, 99, calls, world, tally, votes,
        new SubredditChoices(new ZipfTable(5, 1.0), USERS));
    engine.returning("FeedService.feed", new Page<Post>(java.util.List.of(), null));
    engine.returning("PostService.listing", new Page<Post>(java.util.List.of(), null));
  }

  /** Returns {@code n} users of client 1, each logged in, online and a member of rank 1. */
  SimUser[] onlineUsers(int n, OnlineUsers online) {
    SimUser[] users = new SimUser[n];
    for (int i = 0; i < n; i++) {
      users[i] = new SimUser(i, SimNames.user(1, i, "abcd"));
      users[i].token = "t" + i;
      users[i].online = true;
      users[i].registered = true;
      behaviour.noteHeld(users[i], 1);
      if (online != null) {
        online.add(i);
      }
    }
    return users;
  }

  /** Waits up to 20 s for {@code condition}; the caller asserts it afterwards. */
  static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  @Override
  public void close() throws Exception {
    calls.stop();
    metrics.close();
  }
}
