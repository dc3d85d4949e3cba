package org.redditclone.client.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.redditclone.api.RunClock;

/** The window arithmetic: expected clients, warm-up, late joiners, lost clients, a stop. */
final class RunWindowTest {

  private static final long T0 = 1_700_000_000_000L; // a whole second

  @Test
  void theWindowWaitsForTheExpectedClients_thenStartsAfterTheWarmUpOnAWholeSecond() {
    RunWindow window = new RunWindow(3, 10_000, 30_000);
    window.setUp(1, T0 + 100);
    window.setUp(2, T0 + 5_000);
    assertEquals(RunClock.UNKNOWN, window.start());
    assertEquals(new RunClock(RunClock.UNKNOWN, 0, RunClock.UNKNOWN, RunClock.UNKNOWN, false),
        window.clockFor(1, T0 + 6_000));

    window.setUp(3, T0 + 7_300);
    assertEquals(T0 + 18_000, window.start(), "the warm-up from the third's setup, up to a whole second");
    assertEquals(T0 + 48_000, window.end());
    assertEquals(30, window.seconds());
    // Each told "starts in N ms", relative to its own answer: the same instant on any clock.
    assertEquals(new RunClock(10_000, 0, 40_000, T0 + 18_000, false), window.clockFor(1, T0 + 8_000));
    assertEquals(new RunClock(9_500, 0, 39_500, T0 + 18_000, false), window.clockFor(2, T0 + 8_500));
    assertEquals(new RunClock(2_000, 0, 32_000, T0 + 18_000, false), window.clockFor(3, T0 + 16_000));
  }

  @Test
  void withoutWarmUp_theStartLeavesTheClientsTimeToHearOfIt() {
    RunWindow window = new RunWindow(1, 0, 5_000);
    window.setUp(1, T0 + 100);
    assertEquals(T0 + 3_000, window.start(), "at least " + RunWindow.LEAD_MILLIS + " ms ahead, on a whole second");
  }

  @Test
  void aLateJoiner_measuresFromTheNextWholeSecond_untilTheCommonEnd() {
    RunWindow window = new RunWindow(1, 0, 10_000);
    window.setUp(1, T0);
    long start = window.start();
    window.setUp(2, start + 4_300);
    assertEquals(new RunClock(700, 5, 5_700, start, false), window.clockFor(2, start + 4_300));
    // Its first second is fixed when first told: a later answer points to the same instant.
    assertEquals(new RunClock(-300, 5, 4_700, start, false), window.clockFor(2, start + 5_300));

    window.setUp(3, start + 5_800); // too close to second 6 to be told in time
    assertEquals(7, window.clockFor(3, start + 5_800).firstSecond());
    window.setUp(4, start + 2_000 - RunWindow.JOIN_LEAD_MILLIS - 1);
    assertEquals(2, window.clockFor(4, start + 2_000 - RunWindow.JOIN_LEAD_MILLIS - 1).firstSecond());
  }

  @Test
  void aClientSetUpAfterTheEnd_isToldToStop() {
    RunWindow window = new RunWindow(1, 0, 2_000);
    window.setUp(1, T0);
    window.setUp(2, window.start() + 1_900);
    RunClock late = window.clockFor(2, window.start() + 1_900);
    assertTrue(late.stop(), late.toString());
  }

  @Test
  void aClientLostBeforeTheWindow_isNoLongerWaitedFor_butOneLostAfterChangesNothing() {
    RunWindow window = new RunWindow(3, 0, 10_000);
    window.setUp(1, T0);
    window.failed(2, T0 + 1_000); // lost while setting up
    assertEquals(RunClock.UNKNOWN, window.start());
    window.setUp(3, T0 + 2_000);
    assertEquals(T0 + 4_000, window.start(), "two of three set up, the third lost: the window starts");

    window.failed(1, T0 + 5_000); // lost while measuring
    assertEquals(T0 + 4_000, window.start());
    assertEquals(T0 + 14_000, window.end());
    assertFalse(window.over(T0 + 13_999));
    assertTrue(window.over(T0 + 14_000));
  }

  @Test
  void aClientLostAfterItsSetup_butBeforeTheWindow_countsAsFailed() {
    RunWindow window = new RunWindow(2, 30_000, 10_000);
    window.setUp(1, T0);
    window.failed(1, T0 + 1_000);
    window.setUp(2, T0 + 2_000);
    assertEquals(T0 + 32_000, window.start());
  }

  @Test
  void whenEveryExpectedClientFails_theRunIsHopeless() {
    RunWindow window = new RunWindow(2, 0, 10_000);
    window.failed(1, T0);
    assertFalse(window.hopeless());
    window.failed(2, T0);
    assertTrue(window.hopeless());
  }

  @Test
  void aStop_endsTheWindowNow_andTellsEveryClient() {
    RunWindow window = new RunWindow(1, 0, 60_000);
    window.setUp(1, T0);
    long start = window.start();
    window.stop(start + 12_500);
    assertEquals(start + 12_500, window.end());
    assertEquals(13, window.seconds());
    assertTrue(window.over(start + 12_500));
    assertTrue(window.clockFor(1, start + 12_600).stop());

    RunWindow never = new RunWindow(2, 0, 60_000);
    never.stop(T0);
    assertTrue(never.over(T0));
    never.setUp(1, T0);
    never.setUp(2, T0);
    assertEquals(RunClock.UNKNOWN, never.start(), "a stopped run starts no window");
  }
}
