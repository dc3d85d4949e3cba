package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steady phase's load: who acts, how often, and what happens when nobody can. */
final class LoadDriverTest {

  private static final long WINDOW = TimeUnit.MILLISECONDS.toNanos(300);

  @TempDir Path dir;
  private SimFixture sim;
  private final ActionMix feedsOnly = ActionMix.parse("--mix", "feed=1");

  @BeforeEach
  void setUp() throws Exception {
    sim = new SimFixture(dir);
  }

  @AfterEach
  void close() throws Exception {
    sim.close();
  }

  private LoadDriver driver(SimUser[] users, OnlineUsers online) {
    return new LoadDriver(users, online, sim.behaviour, sim.calls, sim.tally, feedsOnly, new Randoms(3));
  }

  /** Returns how many actions {@link ArrivalTimes} plans before {@code window}. */
  private static int planned(double rate, long seed, long window) {
    ArrivalTimes arrivals = new ArrivalTimes(rate, seed);
    int n = 0;
    while (arrivals.next() < window) {
      n++;
    }
    return n;
  }

  @Test
  void theOpenLoopRunsEveryPlannedAction_onAnOnlineUser() throws Exception {
    OnlineUsers online = new OnlineUsers(4);
    SimUser[] users = sim.onlineUsers(4, online);
    long start = System.nanoTime();
    driver(users, online).runOpen(200, 2, 17, start, start + WINDOW, () -> false);
    int planned = planned(200, 17, WINDOW);
    assertTrue(planned > 20, "a window with load: " + planned);
    assertEquals(planned, sim.engine.count("FeedService.feed"));
    assertEquals(planned, sim.metrics.totalSuccesses());
    assertEquals(0, sim.tally.skippedNoUserOnline.sum());
  }

  @Test
  void theOpenLoopSkipsWhatNobodyOnlineCanDo_andCountsIt() throws Exception {
    OnlineUsers online = new OnlineUsers(2);
    SimUser[] users = sim.onlineUsers(2, null); // logged in, but nobody in the online set
    long start = System.nanoTime();
    driver(users, online).runOpen(200, 2, 17, start, start + WINDOW, () -> false);
    assertEquals(planned(200, 17, WINDOW), sim.tally.skippedNoUserOnline.sum());
    assertEquals(0, sim.engine.calls().size());
  }

  @Test
  void aUserMarkedOnlineButOfflineOrWithoutSession_isNeverUsed() throws Exception {
    OnlineUsers online = new OnlineUsers(2);
    SimUser[] users = sim.onlineUsers(2, online);
    users[0].online = false;
    users[1].token = null;
    long start = System.nanoTime();
    driver(users, online).runOpen(100, 1, 5, start, start + WINDOW, () -> false);
    assertEquals(0, sim.engine.calls().size());
    assertEquals(planned(100, 5, WINDOW), sim.tally.skippedNoUserOnline.sum());
  }

  @Test
  void theClosedLoopActsBackToBack_untilTheEnd() throws Exception {
    OnlineUsers online = new OnlineUsers(3);
    SimUser[] users = sim.onlineUsers(3, online);
    driver(users, online).runClosed(2, System.nanoTime() + WINDOW, () -> false);
    long feeds = sim.engine.count("FeedService.feed");
    assertTrue(feeds > 0, "calls were made");
    assertEquals(feeds, sim.metrics.totalSuccesses());
  }

  @Test
  void aStopEndsBothLoopsAtOnce() throws Exception {
    OnlineUsers online = new OnlineUsers(1);
    SimUser[] users = sim.onlineUsers(1, online);
    long start = System.nanoTime();
    driver(users, online).runOpen(1_000, 1, 1, start, start + TimeUnit.HOURS.toNanos(1), () -> true);
    driver(users, online).runClosed(1, start + TimeUnit.HOURS.toNanos(1), () -> true);
    assertEquals(0, sim.engine.calls().size());
  }
}
