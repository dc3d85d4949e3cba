package org.redditclone.client.merge;

import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
 * p99 of the successes, the users online summed over clients and the clients with an interval in
 * the second; the engine's GC and CPU and the schedule lag are unknown to the files ({@value
 * Latencies#NO_VALUE}).
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
   * Adds one client's online samples, each taken at the end of a 1 s interval; a second holds the
   * client's last sample whose interval has its middle in that second.
   */
  void addOnline(List<OnlineSamples.Sample> samples) {
    Map<Long, Integer> lastBySecond = new TreeMap<>();
    long previous = Long.MIN_VALUE;
    for (OnlineSamples.Sample sample : samples) {
      long begin = previous == Long.MIN_VALUE ? sample.epochMillis() - 1000 : previous;
      lastBySecond.put(secondOf(begin + (sample.epochMillis() - begin) / 2), sample.online());
      previous = sample.epochMillis();
    }
    lastBySecond.forEach((second, online) -> onlineBySecond.merge(second, (long) online, Long::sum));
  }

  /**
   * Reads every source to its end, writes the timeline CSV to {@code out} and hands every
   * interval to {@code eachInterval} (to sum the run's totals in the same pass).
   */
  void write(List<IntervalLogReader.Source> sources, Consumer<Interval> eachInterval, Writer out)
      throws IOException {
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
      int clients = 0;
      for (int i = 0; i < pending.length; i++) {
        if (pending[i] != null && secondOf(pending[i].midMillis()) <= second) {
          clients++;
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
      long online = onlineBySecond.getOrDefault(second, 0L);
      for (Op op : ops) {
        writeRow(out, second, op.wireName(), ok.get(op), failed.getOrDefault(op, 0L), online, clients);
      }
      writeRow(out, second, RunColumns.ALL, all, allErrors, online, clients);
    }
  }

  private static void writeRow(
      Writer out, long second, String op, Histogram ok, long errors, long online, int clients)
      throws IOException {
    long count = ok == null ? 0 : ok.getTotalCount();
    double p50 = count == 0 ? Double.NaN : ok.getValueAtPercentile(50.0);
    double p99 = count == 0 ? Double.NaN : ok.getValueAtPercentile(99.0);
    out.write(CsvFile.line(RunColumns.Timeline.values(), column -> switch (column) {
      case SECOND -> second;
      case OP -> op;
      case COUNT -> count;
      case ERRORS -> errors;
      case P50_MS -> Latencies.millis(p50);
      case P99_MS -> Latencies.millis(p99);
      case USERS_ONLINE -> online;
      case CLIENTS -> clients;
      // The files hold neither: the coordinator samples the engine and the lag while it runs.
      case ENGINE_GC_MS, ENGINE_CPU_PCT, LAG_P99_MS -> Latencies.NO_VALUE;
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
