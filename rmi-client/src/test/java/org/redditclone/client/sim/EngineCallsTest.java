package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.nio.file.Path;
import java.rmi.ConnectException;
import java.rmi.RemoteException;
import java.rmi.UnmarshalException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.AlreadyExistsException;
import org.redditclone.api.Caller;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.NotFoundException;
import org.redditclone.api.Subreddit;
import org.redditclone.client.connect.EngineConnection;
import org.redditclone.client.connect.RegistryAddress;
import org.redditclone.client.connect.RetryPolicy;
import org.redditclone.client.metrics.ClientMetrics;
import org.redditclone.client.metrics.ErrorCounts;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.metrics.Phase;
import org.redditclone.client.runfiles.RunFiles;
import org.redditclone.client.testing.FakeEngine;

final class EngineCallsTest {

  private static final RetryPolicy QUICK =
      RetryPolicy.pauses(Duration.ofMillis(1), Duration.ofMillis(2)).within(Duration.ofMillis(300));

  @TempDir Path dir;
  private final FakeEngine engine = new FakeEngine();
  private final AtomicInteger lookups = new AtomicInteger();
  private ClientMetrics metrics;
  private EngineCalls calls;

  @BeforeEach
  void connect() throws Exception {
    EngineConnection connection = EngineConnection.of(new RegistryAddress("127.0.0.1", 1099), () -> {
      lookups.incrementAndGet();
      return engine.stubs();
    });
    connection.reconnect(null, Duration.ZERO);
    metrics = ClientMetrics.create(1, dir);
    calls = new EngineCalls(connection, metrics, 1, QUICK);
  }

  @AfterEach
  void close() throws Exception {
    calls.stop();
    metrics.close();
  }

  private Map<ErrorCounts.Key, Long> errors() throws Exception {
    metrics.close();
    return ErrorCounts.read(dir.resolve(RunFiles.clientErrorsCsv(1))).snapshot();
  }

  private static ErrorCounts.Key setup(Op op, String type) {
    return new ErrorCounts.Key(Phase.SETUP, op, type);
  }

  private static Subreddit subreddit(String name) {
    return new Subreddit(name, "", "u1_abcd_0", 0, 1);
  }

  @Test
  void aSuccessIsReturnedAndRecorded() throws Exception {
    engine.returning("SubredditService.get", subreddit("a"));
    Subreddit s = calls.call(Op.STATS, System.nanoTime(), stubs -> stubs.subreddits().get("a"));
    assertEquals("a", s.name());
    assertEquals(1, metrics.totalSuccesses());
    assertEquals(0, metrics.totalErrors());
  }

  @Test
  void aRefusalIsRecordedAsAnErrorOfItsKind_andRethrown() throws Exception {
    engine.on("SubredditService.get", args -> {
      throw new NotFoundException("subreddit 'a' does not exist");
    });
    assertThrows(NotFoundException.class,
        () -> calls.call(Op.LISTING, System.nanoTime(), stubs -> stubs.subreddits().get("a")));
    assertEquals(Map.of(setup(Op.LISTING, "NotFoundException"), 1L), errors());
  }

  @Test
  void anExpectedRefusalCountsAsASuccess_butIsStillThrown() throws Exception {
    engine.on("SubredditService.get", args -> {
      throw new AlreadyExistsException("subreddit 'a' exists");
    });
    assertThrows(AlreadyExistsException.class, () -> calls.call(Op.CREATE_SUBREDDIT,
        System.nanoTime(), AlreadyExistsException.class, stubs -> stubs.subreddits().get("a")));
    assertEquals(1, metrics.totalSuccesses());
    assertEquals(0, metrics.totalErrors());
  }

  @Test
  void aTransportFailureIsRecordedAndReturnsNull_withoutLookingTheEngineUpWhenItIsNotLost()
      throws Exception {
    engine.on("SubredditService.get", args -> {
      throw new RemoteException("the engine failed");
    });
    assertNull(calls.call(Op.LISTING, System.nanoTime(), stubs -> stubs.subreddits().get("a")));
    assertEquals(Map.of(setup(Op.LISTING, "RemoteException"), 1L), errors());
    assertEquals(1, lookups.get());
  }

  @Test
  void aLostEngineIsLookedUpAgainInTheBackground() throws Exception {
    engine.on("SubredditService.get", args -> {
      throw new ConnectException("Connection refused");
    });
    assertNull(calls.call(Op.LISTING, System.nanoTime(), stubs -> stubs.subreddits().get("a")));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (lookups.get() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(2, lookups.get(), "one new lookup after the lost connection");
  }

  @Test
  void aBugOfOursIsAnErrorOfTheOperation_notTheEndOfTheRun() throws Exception {
    // the fake engine has no answer: UnsupportedOperationException
    assertNull(calls.call(Op.FEED, System.nanoTime(), stubs -> stubs.feed().feed("t", 0, null, 1)));
    assertEquals(Map.of(setup(Op.FEED, "UnsupportedOperationException"), 1L), errors());
  }

  @Test
  void aChangeIsRepeatedWithTheSameRequestId_untilItIsAnswered() throws Exception {
    List<Caller> callers = new ArrayList<>();
    engine.on("SubredditService.join", args -> {
      callers.add((Caller) args[0]);
      if (callers.size() < 3) {
        throw new UnmarshalException("reply lost", new EOFException());
      }
      return subreddit("a");
    });
    Subreddit joined = calls.change(Op.JOIN, System.nanoTime(), null, "token-1", () -> "token-2",
        (stubs, who) -> stubs.subreddits().join(who, "a"));
    assertEquals("a", joined.name());
    assertEquals(3, callers.size());
    assertEquals(1, callers.stream().map(Caller::requestId).distinct().count(), "one request id");
    assertEquals("token-1", callers.get(2).token());
    assertEquals(1, metrics.totalSuccesses());
    assertEquals(2, metrics.totalErrors(), "every failed attempt is an error");
  }

  @Test
  void aChangeGivesUpWhenItsRetriesDo_returningNull() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    engine.on("SubredditService.join", args -> {
      attempts.incrementAndGet();
      throw new RemoteException("the engine failed");
    });
    assertNull(calls.change(Op.JOIN, System.nanoTime(), null, "t", () -> "t",
        (stubs, who) -> stubs.subreddits().join(who, "a")));
    assertTrue(attempts.get() > 1, "retried: " + attempts);
    assertEquals(attempts.get(), metrics.totalErrors());
  }

  @Test
  void aRetryThatFindsTheSessionGoneLogsInOnceAndRepeatsTheSameRequest() throws Exception {
    List<Caller> callers = new ArrayList<>();
    AtomicInteger relogins = new AtomicInteger();
    engine.on("SubredditService.join", args -> {
      Caller caller = (Caller) args[0];
      callers.add(caller);
      if (callers.size() == 1) {
        throw new ConnectException("engine restarting");
      }
      if (caller.token().equals("old")) {
        throw new NotAuthorizedException("session expired");
      }
      return subreddit("a");
    });
    Subreddit joined = calls.change(Op.JOIN, System.nanoTime(), null, "old",
        () -> "new" + relogins.incrementAndGet(), (stubs, who) -> stubs.subreddits().join(who, "a"));
    assertEquals("a", joined.name());
    assertEquals(1, relogins.get());
    assertEquals(List.of("old", "old", "new1"), callers.stream().map(Caller::token).toList());
    assertEquals(1, callers.stream().map(Caller::requestId).distinct().count());
  }

  @Test
  void aFirstAttemptRefusedForItsSessionIsThrown_withoutLoggingIn() throws Exception {
    AtomicInteger relogins = new AtomicInteger();
    engine.on("SubredditService.join", args -> {
      throw new NotAuthorizedException("not logged in");
    });
    assertThrows(NotAuthorizedException.class, () -> calls.change(Op.JOIN, System.nanoTime(), null,
        "t", () -> "x" + relogins.incrementAndGet(), (stubs, who) -> stubs.subreddits().join(who, "a")));
    assertEquals(0, relogins.get());
    assertEquals(Map.of(setup(Op.JOIN, "NotAuthorizedException"), 1L), errors());
  }

  @Test
  void aPlannedCallNeverMadeIsAnErrorOfItsReason() throws Exception {
    calls.recordNotRun(Op.POST, "ClientBacklogFull", System.nanoTime());
    assertEquals(Map.of(setup(Op.POST, "ClientBacklogFull"), 1L), errors());
  }

  @Test
  void theStubsInUseAreTheConnections() throws Exception {
    engine.returning("SubredditService.get", subreddit("a"));
    calls.call(Op.STATS, System.nanoTime(), stubs -> {
      assertSame(engine.stubs(), stubs);
      return null;
    });
  }
}
