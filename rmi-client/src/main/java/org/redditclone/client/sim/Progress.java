package org.redditclone.client.sim;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.redditclone.client.metrics.ClientMetrics;

/**
 * The progress line of the steady phase, printed every few seconds and at the end: {@code
 * client=K elapsed=12s remaining=18s ops/s=812 errors=3 online=742/1000}. The rate is that of
 * the last interval.
 */
final class Progress {

  private final int clientId;
  private final int users;
  private final ClientMetrics metrics;
  private final OnlineUsers online;
  private final long startNanos;
  private final long endNanos;
  private final PrintStream out;
  private long lastNanos;
  private long lastCalls;

  Progress(int clientId, int users, ClientMetrics metrics, OnlineUsers online, long startNanos,
      long endNanos, PrintStream out) {
    this.clientId = clientId;
    this.users = users;
    this.metrics = metrics;
    this.online = online;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    this.out = out;
    this.lastNanos = startNanos;
    this.lastCalls = metrics.totalSuccesses() + metrics.totalErrors();
  }

  synchronized void print() {
    long now = System.nanoTime();
    long calls = metrics.totalSuccesses() + metrics.totalErrors();
    double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
    long rate = Math.round((calls - lastCalls) / seconds);
    lastNanos = now;
    lastCalls = calls;
    out.println(line(clientId, TimeUnit.NANOSECONDS.toSeconds(now - startNanos),
        TimeUnit.NANOSECONDS.toSeconds(Math.max(0, endNanos - now)), rate, metrics.totalErrors(),
        online.size(), users));
  }

  static String line(int clientId, long elapsedS, long remainingS, long opsPerS, long errors,
      int online, int users) {
    return "client=" + clientId + " elapsed=" + elapsedS + "s remaining=" + remainingS + "s ops/s="
        + opsPerS + " errors=" + errors + " online=" + online + "/" + users;
  }
}
