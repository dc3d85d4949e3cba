package org.redditclone.client.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.redditclone.api.RedditException;
import org.redditclone.client.connect.EngineConnection;
import org.redditclone.client.metrics.ClientMetrics;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.runfiles.RunKeys.Client;

/**
 * The ping loops ({@code --ping}): T loops call {@code StatsService.ping()}, a remote
 * method that does nothing, back to back, recorded as {@link Op#PING} through the same {@link
 * EngineCalls} and {@link ClientMetrics} as the simulator's calls. Its throughput is what RMI
 * alone allows with these client JVMs and threads; scripts/bench.sh divides the engine's by it.
 */
final class PingClient extends ClientJob {

  PingClient(SimOptions options, EngineConnection connection, PrintStream out) {
    super(options, connection, out);
  }

  /** Runs warm-up and steady phase, writes the metrics and {@code client-K.properties}. */
  @Override
  Path run() throws IOException, InterruptedException {
    ClientProperties properties =
        new ClientProperties(options, connection, System.currentTimeMillis())
            .put(Client.MODE, "ping")
            .put(Client.DURATION_S, options.duration)
            .put(Client.CLOSED, true)
            .put(Client.CONCURRENCY, options.concurrency);
    SimOptions o = options;
    int k = o.clientId;
    SteadyGate gate = SteadyGate.of(o.steadyStartFile, o.warmup);
    long steadyStartedMillis;
    long steadyNanos;
    long steadyCpuNanos;
    try (ClientMetrics metrics = ClientMetrics.create(k, o.out)) {
      EngineCalls calls = new EngineCalls(connection, metrics, k);
      out.printf("client=%d setup done in 0.0s: baseline concurrency=%d%n", k, o.concurrency);
      properties.put(Client.SETUP_ENDED_EPOCH_MS, System.currentTimeMillis()).write(Client.RUNNING);
      if (gate.warmsUp()) {
        // A day: the gate ends the warm-up; the bound only keeps the arithmetic of time finite.
        loops(calls, o.concurrency, System.nanoTime() + TimeUnit.DAYS.toNanos(1),
            gate.orElse(this::stopRequested));
      }
      metrics.beginSteadyPhase();
      steadyStartedMillis = System.currentTimeMillis();
      long steadyStart = System.nanoTime();
      long cpuAtStart = ProcessCpu.nanos();
      loops(calls, o.concurrency, steadyStart + o.duration.toNanos(), this::stopRequested);
      steadyNanos = System.nanoTime() - steadyStart;
      steadyCpuNanos = cpuAtStart < 0 ? -1 : ProcessCpu.nanos() - cpuAtStart;
      calls.stop();
      out.printf(Locale.ROOT, "client=%d baseline %s: steady=%.1fs ping calls=%d errors=%d%n", k,
          stopRequested() ? Client.STOPPED : Client.FINISHED, steadyNanos / 1e9, metrics.totalSuccesses(),
          metrics.totalErrors());
    }
    return properties.put(Client.STEADY_STARTED_EPOCH_MS, steadyStartedMillis)
        .putSeconds(Client.STEADY_ACTUAL_S, steadyNanos)
        .putSeconds(Client.STEADY_CPU_S, steadyCpuNanos)
        .put(Client.ENDED_EPOCH_MS, System.currentTimeMillis())
        .write(stopRequested() ? Client.STOPPED : Client.FINISHED);
  }

  /** Runs {@code threads} loops of ping calls until {@code endNanos} or {@code stop}. */
  private static void loops(EngineCalls calls, int threads, long endNanos, BooleanSupplier stop)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, Threads.named("ping-loop"));
    for (int i = 0; i < threads; i++) {
      pool.execute(() -> {
        while (!stop.getAsBoolean() && System.nanoTime() < endNanos) {
          try {
            calls.call(Op.PING, System.nanoTime(), s -> {
              s.stats().ping();
              return Boolean.TRUE;
            });
          } catch (RedditException e) {
            throw new AssertionError("ping() declares no domain error", e);
          }
        }
      });
    }
    pool.shutdown();
    // Every loop checks stop and the end after each call, and a ping returns at once.
    while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
      // keep waiting
    }
  }
}
