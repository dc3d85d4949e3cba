package org.redditclone.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The domain settings of an engine.
 *
 * @param passwordCost PBKDF2 iterations for new password hashes
 * @param sessionIdleTimeout how long a session may go unused before its token is refused
 * @param clock the source of the current time; tests pass a fixed or stepped one
 */
public record EngineConfig(int passwordCost, Duration sessionIdleTimeout, Clock clock) {

  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_PASSWORD_COST = 210_000;

  /** A day, as on a phone that stays logged in. */
  public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofHours(24);

  public EngineConfig {
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    Objects.requireNonNull(clock, "clock");
    if (passwordCost < 1) {
      throw new IllegalArgumentException("passwordCost cannot be less than 1: " + passwordCost);
    }
    if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
      throw new IllegalArgumentException("sessionIdleTimeout must be positive: " + sessionIdleTimeout);
    }
  }

  /** Returns the defaults: cost 210,000, 24 h idle timeout, the system clock. */
  public static EngineConfig defaults() {
    return new EngineConfig(DEFAULT_PASSWORD_COST, DEFAULT_SESSION_IDLE_TIMEOUT, Clock.systemUTC());
  }

  /** Returns a copy with another password cost. */
  public EngineConfig withPasswordCost(int cost) {
    return new EngineConfig(cost, sessionIdleTimeout, clock);
  }

  /** Returns a copy with another idle timeout. */
  public EngineConfig withSessionIdleTimeout(Duration timeout) {
    return new EngineConfig(passwordCost, timeout, clock);
  }

  /** Returns a copy with another clock. */
  public EngineConfig withClock(Clock newClock) {
    return new EngineConfig(passwordCost, sessionIdleTimeout, newClock);
  }
}
