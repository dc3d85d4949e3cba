package org.redditclone.client.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RetryPolicyTest {

  /** A clock that moves only when slept on, or when a test moves it. */
  private static final class FakeClock implements RetryPolicy.Clock {
    long now = 1_000_000;
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(Duration pause) {
      sleeps.add(pause);
      now += pause.toNanos();
    }
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Test
  void pausesDoubleFromTheFirstUpToTheMax() throws Exception {
    FakeClock clock = new FakeClock();
    RetryPolicy.Retry retry = RetryPolicy.pauses(ms(100), ms(700)).atMost(6).start(clock);
    for (int i = 0; i < 5; i++) {
      assertTrue(retry.pause());
    }
    assertEquals(List.of(ms(100), ms(200), ms(400), ms(700), ms(700)), clock.sleeps);
  }

  @Test
  void maxAttemptsCountsTheFirstAttempt() throws Exception {
    FakeClock clock = new FakeClock();
    RetryPolicy.Retry retry = RetryPolicy.pauses(ms(10), ms(10)).atMost(3).start(clock);
    assertTrue(retry.pause()); // after attempt 1
    assertTrue(retry.pause()); // after attempt 2
    assertFalse(retry.pause()); // attempt 3 was the last
    assertEquals(2, clock.sleeps.size());
    assertEquals(3, retry.failedAttempts());
  }

  @Test
  void givesUpWhenTheNextAttemptWouldStartAfterThePatience_withoutSleeping() throws Exception {
    FakeClock clock = new FakeClock();
    RetryPolicy.Retry retry = RetryPolicy.pauses(ms(100), ms(400)).within(ms(1_000)).start(clock);
    assertTrue(retry.pause()); // at 100
    assertTrue(retry.pause()); // at 300
    assertTrue(retry.pause()); // at 700
    assertFalse(retry.pause()); // 700 + 400 > 1000
    assertEquals(List.of(ms(100), ms(200), ms(400)), clock.sleeps);
    assertEquals(ms(700), retry.elapsed());
  }

  @Test
  void timeSpentInTheAttemptsCountsAgainstThePatience() throws Exception {
    FakeClock clock = new FakeClock();
    RetryPolicy.Retry retry = RetryPolicy.pauses(ms(200), ms(200)).within(ms(1_000)).start(clock);
    clock.now += ms(850).toNanos(); // a slow first attempt
    assertFalse(retry.pause());
    assertTrue(clock.sleeps.isEmpty());
  }

  @Test
  void aPatienceOfZeroAllowsOneAttempt() throws Exception {
    RetryPolicy.Retry retry = RetryPolicy.pauses(ms(1), ms(1)).within(Duration.ZERO).start(new FakeClock());
    assertFalse(retry.pause());
  }

  @Test
  void foreverNeverRunsOutOfPatience() throws Exception {
    FakeClock clock = new FakeClock();
    RetryPolicy.Retry retry = RetryPolicy.pauses(ms(1), Duration.ofDays(1)).start(clock);
    for (int i = 0; i < 60; i++) {
      assertTrue(retry.pause());
    }
    assertEquals(Duration.ofDays(1), clock.sleeps.get(59));
  }

  @Test
  void badLimitsAreRefusedNamingTheField() {
    IllegalArgumentException pauses = assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.pauses(ms(500), ms(100)));
    assertTrue(pauses.getMessage().contains("firstPause"), pauses.getMessage());
    IllegalArgumentException attempts = assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.pauses(ms(1), ms(1)).atMost(0));
    assertTrue(attempts.getMessage().contains("maxAttempts is 0"), attempts.getMessage());
    IllegalArgumentException patience = assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.pauses(ms(1), ms(1)).within(ms(-1)));
    assertTrue(patience.getMessage().contains("patience"), patience.getMessage());
  }
}
