package org.redditclone.engine.users;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redditclone.api.RateLimitedException;

/**
 * Refuses logins for a name for a while after too many failures in a short window, so passwords
 * cannot be guessed at the speed of the network. State is in memory only, not in events.
 */
final class LoginThrottle {

  static final int MAX_FAILURES = 10;
  static final long WINDOW_MILLIS = 60_000;
  static final long BLOCK_MILLIS = 30_000;

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /** Throws if logins for {@code key} (a lower-case name) are blocked at {@code now}. */
  void check(String key, String username, long now) throws RateLimitedException {
    Window window = windows.get(key);
    if (window == null) {
      return;
    }
    synchronized (window) {
      if (now < window.blockedUntil) {
        throw new RateLimitedException(
            "username '" + username + "' had " + MAX_FAILURES + " failed logins within "
                + WINDOW_MILLIS / 1000 + " s; try again in " + ((window.blockedUntil - now + 999) / 1000) + " s");
      }
    }
  }

  /** Counts a failed login for {@code key}. */
  void failed(String key, long now) {
    Window window = windows.computeIfAbsent(key, k -> new Window(now));
    synchronized (window) {
      if (now - window.start > WINDOW_MILLIS) {
        window.start = now;
        window.failures = 0;
      }
      if (++window.failures >= MAX_FAILURES) {
        window.blockedUntil = now + BLOCK_MILLIS;
        window.failures = 0;
        window.start = now;
      }
    }
  }

  /** Forgets the failures of {@code key} after a successful login. */
  void succeeded(String key) {
    windows.remove(key);
  }

  /** Drops windows that no longer matter, so guessed names do not pile up. */
  void sweep(long now) {
    windows.values().removeIf(w -> {
      synchronized (w) {
        return now >= w.blockedUntil && now - w.start > WINDOW_MILLIS;
      }
    });
  }

  private static final class Window {
    long start;
    int failures;
    long blockedUntil;

    Window(long start) {
      this.start = start;
    }
  }
}
