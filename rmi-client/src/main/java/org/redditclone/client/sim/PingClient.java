package org.redditclone.client.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.redditclone.api.RedditException;
import org.redditclone.client.connect.EngineConnection;
import org.redditclone.client.metrics.ClientMetrics;
import org.redditclone.client.metrics.Op;

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
    SimOptions o = options;
    int k = o.clientId;
    long startedMillis = System.currentTimeMillis();
    SteadyGate gate = SteadyGate.of(o.steadyStartFile, o.warmup);
    long steadyStartedMillis;
    long steadyNanos;
    long steadyCpuNanos;
    try (ClientMetrics metrics = ClientMetrics.create(k, o.out)) {
      EngineCalls calls = new EngineCalls(connection, metrics, k);
      out.printf("client=%d setup done in 0.0s: baseline concurrency=%d%n", k, o.concurrency);
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
          stopRequested() ? "stopped" : "finished", steadyNanos / 1e9, metrics.totalSuccesses(),
          metrics.totalErrors());
    }
    Map<String, String> p = new LinkedHashMap<>();
    p.put("client.id", Integer.toString(k));
    p.put("mode", "ping");
    p.put("duration.s", Double.toString(o.duration.toNanos() / 1e9));
    p.put("closed", "true");
    p.put("concurrency", Integer.toString(o.concurrency));
    p.put("registry", connection.address().toString());
    p.put("started.epoch_ms", Long.toString(startedMillis));
    p.put("steady.started.epoch_ms", Long.toString(steadyStartedMillis));
    p.put("steady.actual.s", String.format(Locale.ROOT, "%.3f", steadyNanos / 1e9));
    p.put("steady.cpu.s", String.format(Locale.ROOT, "%.3f", steadyCpuNanos / 1e9));
    p.put("ended.epoch_ms", Long.toString(System.currentTimeMillis()));
    p.put("status", stopRequested() ? "stopped" : "finished");
    p.put("java.version", System.getProperty("java.version"));
    return SimClient.writeProperties(o, p);
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
