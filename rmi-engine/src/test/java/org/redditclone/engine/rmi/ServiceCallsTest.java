package org.redditclone.engine.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redditclone.api.EngineStats;
import org.redditclone.api.FeedService;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Page;
import org.redditclone.api.StatsService;
import org.redditclone.api.StorageFailedException;
import org.redditclone.api.WriteCounts;
import org.redditclone.engine.journal.CallBarrier;
import org.redditclone.engine.stats.CallCounter;

/** The one proxy around every exported service: counts, barrier, refusals. */
final class ServiceCallsTest {

  private final List<String> log = new ArrayList<>();
  private final CallCounter counter = new CallCounter();
  private boolean open = true;

  private final CallBarrier barrier = new CallBarrier() {
    @Override
    public void awaitCallerEvents() {
      log.add("await");
    }

    @Override
    public void checkOpen() throws StorageFailedException {
      log.add("check");
      if (!open) {
        throw new StorageFailedException("the journal failed");
      }
    }
  };

  private final StatsService service = new StatsService() {
    @Override
    public EngineStats stats() {
      log.add("stats");
      return null;
    }

    @Override
    public Page<WriteCounts> writeCounts(String prefix, String cursor, int limit) {
      return null;
    }

    @Override
    public void ping() {
      log.add("ping");
    }
  };

  /** A service whose one method declares RedditException: refused once the journal failed. */
  private final FeedService feed = (token, sort, cursor, limit) -> {
    log.add("feed");
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be 1 or more");
    }
    return null;
  };

  private final StatsService wrapped = ServiceCalls.wrap(StatsService.class, "stats", service, counter, () -> barrier);
  private final FeedService wrappedFeed = ServiceCalls.wrap(FeedService.class, "feed", feed, counter, () -> barrier);

  @Test
  void everyMethodIsRegistered_andEachCallCounts_failedOnesToo_thenWaitsForTheBarrier() throws Exception {
    assertEquals(0L, counter.snapshot().get("stats.ping"));
    wrapped.ping();
    wrapped.ping();
    assertThrows(InvalidInputException.class, () -> wrappedFeed.feed("t", 0, null, 0));
    assertEquals(2L, counter.snapshot().get("stats.ping"));
    assertEquals(1L, counter.snapshot().get("feed.feed"));
    assertEquals(0L, counter.snapshot().get("stats.stats"));
    assertEquals(List.of("ping", "await", "ping", "await", "check", "feed", "await"), log);
  }

  @Test
  void afterAJournalFailure_aRefusableCallIsRefusedBeforeItRuns_andNotCounted_othersStillRun() throws Exception {
    open = false;
    StorageFailedException e = assertThrows(StorageFailedException.class, () -> wrappedFeed.feed("t", 0, null, 5));
    assertEquals("the journal failed", e.getMessage());
    assertEquals(0L, counter.snapshot().get("feed.feed"));
    wrapped.ping(); // declares no RedditException: a call that changes nothing still runs
    assertEquals(1L, counter.snapshot().get("stats.ping"));
    assertEquals(List.of("check", "ping", "await"), log);
  }

  @Test
  void objectMethods_answerForTheProxy_withoutCounting() {
    assertEquals(wrapped, wrapped);
    assertEquals(System.identityHashCode(wrapped), wrapped.hashCode());
    assertEquals("StatsServiceProxy[stats]", wrapped.toString());
    assertSame(null, counter.snapshot().get("stats.toString"));
    assertEquals(List.of(), log);
  }
}
