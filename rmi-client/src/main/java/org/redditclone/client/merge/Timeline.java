package org.redditclone.client.merge;

import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.redditclone.client.metrics.Interval;
import org.redditclone.client.metrics.IntervalLogReader;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.RunColumns;

/**
 * Builds timeline.csv: per second of the run and per operation the successes, failures, p50 and
 * p99 of the successes; per second the users online summed over clients, the clients that
 * measured, the engine's GC pauses and CPU, and the worst client's schedule lag.
 *
 * <p>An interval belongs to the second, counted from the run's steady start, that holds its
 * middle; the clients' logs are read side by side, one second at a time, so only one second's
 * histograms are ever in memory. Every second has a row for each of the run's operations (zero
 * when idle, latencies {@value Latencies#NO_VALUE}) and then an {@code ALL} row.
 */
final class Timeline {

  private final long startMillis;
  private final Set<Op> ops = EnumSet.noneOf(Op.class);
  private final SortedMap<Long, Long> onlineBySecond = new TreeMap<>();
  private final SortedMap<Long, Set<Integer>> clientsBySecond = new TreeMap<>();
  private final SortedMap<Long, Double> lagBySecond = new TreeMap<>();
  private final SortedMap<Long, SortedSet<Integer>> laggingBySecond = new TreeMap<>();
  private final SortedMap<Long, EngineSamples.Sample> engineBySecond = new TreeMap<>();

  /** Creates a timeline whose second 0 begins at {@code startMillis} (epoch). */
  Timeline(long startMillis, Set<Op> ops) {
    this.startMillis = startMillis;
    this.ops.addAll(ops);
  }

  /** Returns the second of the run holding {@code epochMillis}; times before the start are 0. */
  long secondOf(long epochMillis) {
    return Math.max(0, Math.floorDiv(epochMillis - startMillis, 1000L));
  }

  /**
   * Adds client {@code clientId}'s online samples, each taken at the end of a 1 s interval; a
   * second holds the client's last sample whose interval has its middle in that second, and
   * counts the client as measuring in it.
   */
  void addOnline(int clientId, List<OnlineSamples.Sample> samples) {
    Map<Long, OnlineSamples.Sample> lastBySecond = new TreeMap<>();
    long previous = Long.MIN_VALUE;
    for (OnlineSamples.Sample sample : samples) {
      lastBySecond.put(secondEnding(previous, sample.epochMillis()), sample);
      previous = sample.epochMillis();
    }
    lastBySecond.forEach((second, sample) -> {
      onlineBySecond.merge(second, (long) sample.online(), Long::sum);
      clientsBySecond.computeIfAbsent(second, s -> new TreeSet<>()).add(clientId);
      if (!Double.isNaN(sample.lagP99Millis())) {
        lagBySecond.merge(second, sample.lagP99Millis(), Math::max);
        if (sample.lagP99Millis() > RunColumns.LAG_LIMIT_MS) {
          laggingBySecond.computeIfAbsent(second, s -> new TreeSet<>()).add(clientId);
        }
      }
    });
  }

  /** Adds the engine's samples of the run coordinator, placed in seconds as the clients' are. */
  void addEngine(List<EngineSamples.Sample> samples) {
    long previous = Long.MIN_VALUE;
    for (EngineSamples.Sample sample : samples) {
      engineBySecond.put(secondEnding(previous, sample.epochMillis()), sample);
      previous = sample.epochMillis();
    }
  }

  /** Returns the seconds in which a client's schedule-lag p99 exceeded the limit, in order. */
  SortedSet<Long> laggingSeconds() {
    return new TreeSet<>(laggingBySecond.keySet());
  }

  /** Returns the clients whose schedule-lag p99 exceeded the limit in some second. */
  SortedSet<Integer> laggingClients() {
    SortedSet<Integer> clients = new TreeSet<>();
    laggingBySecond.values().forEach(clients::addAll);
    return clients;
  }

  /** Returns the second of a sample taken at {@code end} that closes the interval begun at {@code previous}. */
  private long secondEnding(long previous, long end) {
    long begin = previous == Long.MIN_VALUE ? end - 1000 : previous;
    return secondOf(begin + (end - begin) / 2);
  }

  /**
   * Reads every client's source to its end, writes the timeline CSV to {@code out} and hands every
   * interval to {@code eachInterval} (to sum the run's totals in the same pass). A client measured
   * in a second if it has an interval or an online sample there.
   */
  void write(Map<Integer, IntervalLogReader.Source> sourcesByClient, Consumer<Interval> eachInterval,
      Writer out) throws IOException {
    List<Integer> ids = List.copyOf(sourcesByClient.keySet());
    List<IntervalLogReader.Source> sources = List.copyOf(sourcesByClient.values());
    Interval[] pending = new Interval[sources.size()];
    for (int i = 0; i < pending.length; i++) {
      pending[i] = sources.get(i).next();
    }
    Map<Op, Histogram> ok = new EnumMap<>(Op.class);
    Map<Op, Long> failed = new EnumMap<>(Op.class);
    Histogram all = Latencies.newHistogram();
    out.write(CsvFile.headerLine(RunColumns.Timeline.values()));
    long lastOnlineSecond = onlineBySecond.isEmpty() ? -1 : onlineBySecond.lastKey();
    for (long second = 0; anyPending(pending) || second <= lastOnlineSecond; second++) {
      ok.values().forEach(Histogram::reset);
      failed.clear();
      all.reset();
      long allErrors = 0;
      Set<Integer> measured = new TreeSet<>(clientsBySecond.getOrDefault(second, Set.of()));
      for (int i = 0; i < pending.length; i++) {
        if (pending[i] != null && secondOf(pending[i].midMillis()) <= second) {
          measured.add(ids.get(i));
        }
        while (pending[i] != null && secondOf(pending[i].midMillis()) <= second) {
          Interval interval = pending[i];
          Op op = interval.tag().op();
          ops.add(op);
          if (interval.tag().error()) {
            failed.merge(op, interval.histogram().getTotalCount(), Long::sum);
            allErrors += interval.histogram().getTotalCount();
          } else {
            ok.computeIfAbsent(op, o -> Latencies.newHistogram()).add(interval.histogram());
            all.add(interval.histogram());
          }
          eachInterval.accept(interval);
          pending[i] = sources.get(i).next();
        }
      }
      Second of = new Second(second, onlineBySecond.getOrDefault(second, 0L),
          measured.size(), engineBySecond.get(second),
          lagBySecond.getOrDefault(second, Double.NaN));
      for (Op op : ops) {
        writeRow(out, of, op.wireName(), ok.get(op), failed.getOrDefault(op, 0L));
      }
      writeRow(out, of, RunColumns.ALL, all, allErrors);
    }
  }

  /** What every row of one second shares. */
  private record Second(long second, long online, int clients, EngineSamples.Sample engine, double lagP99Millis) {}

  private static void writeRow(Writer out, Second of, String op, Histogram ok, long errors) throws IOException {
    long count = ok == null ? 0 : ok.getTotalCount();
    double p50 = count == 0 ? Double.NaN : ok.getValueAtPercentile(50.0);
    double p99 = count == 0 ? Double.NaN : ok.getValueAtPercentile(99.0);
    out.write(CsvFile.line(RunColumns.Timeline.values(), column -> switch (column) {
      case SECOND -> of.second();
      case OP -> op;
      case COUNT -> count;
      case ERRORS -> errors;
      case P50_MS -> Latencies.millis(p50);
      case P99_MS -> Latencies.millis(p99);
      case USERS_ONLINE -> of.online();
      case CLIENTS -> of.clients();
      case ENGINE_GC_MS -> Latencies.decimal(of.engine() == null ? Double.NaN : of.engine().gcMillis());
      case ENGINE_CPU_PCT -> Latencies.decimal(of.engine() == null ? Double.NaN : of.engine().cpuPercent());
      case LAG_P99_MS -> Latencies.decimal(of.lagP99Millis());
    }) + "\n");
  }

  private static boolean anyPending(Interval[] pending) {
    for (Interval interval : pending) {
      if (interval != null) {
        return true;
      }
    }
    return false;
  }
}
