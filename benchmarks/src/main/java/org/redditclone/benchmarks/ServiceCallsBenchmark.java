package org.redditclone.benchmarks;

import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.redditclone.api.EngineStats;
import org.redditclone.api.Page;
import org.redditclone.api.StatsService;
import org.redditclone.api.WriteCounts;
import org.redditclone.engine.journal.CallBarrier;
import org.redditclone.engine.rmi.ServiceCalls;
import org.redditclone.engine.stats.CallCounter;

/**
 * What the wrapper around every exported service object costs a call, invoked reflectively as
 * RMI's dispatch invokes it: a service that does nothing, bare and wrapped, for a call without
 * arguments ({@code ping}) and one with three ({@code writeCounts}).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar:benchmarks/target/lib/*
 * org.openjdk.jmh.Main ServiceCallsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-XX:+UseG1GC"})
public class ServiceCallsBenchmark {

  /** A stats service that answers nothing: the call's own cost is the wrapper's. */
  static final class Idle implements StatsService {
    @Override
    public EngineStats stats() {
      return null;
    }

    @Override
    public Page<WriteCounts> writeCounts(String prefix, String cursor, int limit) {
      return null;
    }

    @Override
    public void ping() {}
  }

  private StatsService bare;
  private StatsService wrapped;
  private Method ping;
  private Method writeCounts;
  private final Object[] noArgs = {};
  private int limit;

  @Setup
  public void wrap() throws Exception {
    bare = new Idle();
    wrapped = ServiceCalls.wrap(StatsService.class, "stats", new Idle(), new CallCounter(),
        () -> CallBarrier.NONE);
    ping = StatsService.class.getMethod("ping");
    writeCounts = StatsService.class.getMethod("writeCounts", String.class, String.class, int.class);
  }

  @Benchmark
  public Object pingBare() throws Exception {
    return ping.invoke(bare, noArgs);
  }

  @Benchmark
  public Object pingWrapped() throws Exception {
    return ping.invoke(wrapped, noArgs);
  }

  @Benchmark
  public Object writeCountsBare() throws Exception {
    return writeCounts.invoke(bare, "u", null, ++limit);
  }

  @Benchmark
  public Object writeCountsWrapped() throws Exception {
    return writeCounts.invoke(wrapped, "u", null, ++limit);
  }
}
