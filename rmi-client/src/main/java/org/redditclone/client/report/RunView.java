package org.redditclone.client.report;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.metrics.ZipfFit;

/**
 * Everything the run page shows, live or afterwards: what the coordinator holds while a run goes,
 * and what a run folder holds once it has ended. One page renders both; it reads this view as
 * JSON (the live page polls it, report.html embeds it), so a field added here is a field the
 * page can show in both cases. Latencies are milliseconds; NaN (JSON {@code null}) where there
 * were no calls.
 *
 * @param runId the run's id (its folder name)
 * @param state where the run is: {@code setting-up}, {@code warming-up}, {@code measuring},
 *     {@code finishing}, {@code finished} or {@code aborted}
 * @param nowEpochMillis when the view was taken
 * @param windowStartEpochMillis the start of the common measured window, -1 before it is known
 * @param windowEndEpochMillis its planned end (the actual end once finished), -1 before known
 * @param config the run's configuration, as in run.properties
 * @param clients every client that joined, in id order
 * @param seconds the measured window's seconds, 0 first
 * @param summary the merged table of the window so far: a row per operation, then ALL
 * @param spectrum per operation and ALL, the latency at each percentile of {@link #PERCENTILES}
 * @param zipf subreddits by members (empty until the end of the run)
 * @param thresholds every --threshold with its state
 * @param notes lines the summary prints beside the table (load generator warnings, lost clients)
 * @param errors failed calls by phase, operation and error type, as errors.csv holds them
 */
public record RunView(
    String runId,
    String state,
    long nowEpochMillis,
    long windowStartEpochMillis,
    long windowEndEpochMillis,
    Map<String, String> config,
    List<Client> clients,
    List<Second> seconds,
    List<SummaryRow> summary,
    Map<String, double[]> spectrum,
    List<ZipfRow> zipf,
    List<Threshold> thresholds,
    List<String> notes,
    List<ErrorCount> errors) {

  /** The percentiles of {@link #spectrum}, out to 99.99%. */
  public static final double[] PERCENTILES = {
      0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99, 100};

  public RunView {
    config = Map.copyOf(config);
    clients = List.copyOf(clients);
    seconds = List.copyOf(seconds);
    summary = List.copyOf(summary);
    spectrum = Map.copyOf(spectrum);
    zipf = List.copyOf(zipf);
    thresholds = List.copyOf(thresholds);
    notes = List.copyOf(notes);
    errors = List.copyOf(errors);
  }

  /** Returns the view without error types: what the view held before {@link #errors} was added. */
  public RunView(String runId, String state, long nowEpochMillis, long windowStartEpochMillis,
      long windowEndEpochMillis, Map<String, String> config, List<Client> clients,
      List<Second> seconds, List<SummaryRow> summary, Map<String, double[]> spectrum,
      List<ZipfRow> zipf, List<Threshold> thresholds, List<String> notes) {
    this(runId, state, nowEpochMillis, windowStartEpochMillis, windowEndEpochMillis, config,
        clients, seconds, summary, spectrum, zipf, thresholds, notes, List.of());
  }

  /**
   * Returns the latency of {@code successes} (nanoseconds) at each of {@link #PERCENTILES}, in
   * milliseconds: a row of {@link #spectrum}; NaN throughout when it holds no call.
   */
  public static double[] spectrumOf(AbstractHistogram successes) {
    double[] millis = new double[PERCENTILES.length];
    for (int i = 0; i < millis.length; i++) {
      millis[i] = successes.getTotalCount() == 0
          ? Double.NaN
          : successes.getValueAtPercentile(PERCENTILES[i]) / 1_000_000.0;
    }
    return millis;
  }

  /** Returns the Zipf law fitted to {@link #zipf}'s members by rank (NaN with fewer than 2). */
  public ZipfFit zipfFit() {
    long[] membersByRank = new long[Math.max(0, zipf.stream().mapToInt(ZipfRow::rank).max().orElse(0))];
    for (ZipfRow row : zipf) {
      if (row.rank() >= 1) {
        membersByRank[row.rank() - 1] = row.members();
      }
    }
    return ZipfFit.of(membersByRank);
  }

  /**
   * One client JVM of the run.
   *
   * @param id its client id
   * @param host the host it runs on
   * @param state {@code setting-up}, {@code warming-up}, {@code measuring}, {@code finished},
   *     {@code stopped}, {@code lost}, or {@code not-started} (it ended before it joined)
   * @param users its simulated users
   * @param firstSecond the first second of the window it measured, -1 if none yet
   * @param lastSecond its last second measured, -1 if none yet
   */
  public record Client(int id, String host, String state, int users, long firstSecond, long lastSecond) {}

  /**
   * One second of the measured window, over every client that measured in it.
   *
   * @param second the second, 0 first
   * @param clients clients that measured in it, -1 if unknown (a run folder from before the
   *     coordinator)
   * @param usersOnline users online, summed over clients
   * @param engineGcMillis the engine's GC pause time in the second, NaN if unknown
   * @param engineCpuPercent the engine process's CPU in the second, 100 = one core, NaN if unknown
   * @param lagP99Millis the worst client's schedule-lag p99 in the second, NaN if unknown
   * @param laggingClients ids of clients whose lag p99 exceeded 10 ms in the second
   * @param ops per operation, then {@code ALL}
   */
  public record Second(
      long second, int clients, long usersOnline, double engineGcMillis, double engineCpuPercent,
      double lagP99Millis, List<Integer> laggingClients, Map<String, OpSecond> ops) {}

  /**
   * One operation in one second.
   *
   * @param count successful calls
   * @param errors failed calls
   * @param p50Millis median latency of the successes
   * @param p90Millis 90th percentile
   * @param p99Millis 99th percentile
   * @param p999Millis 99.9th percentile
   * @param maxMillis highest latency
   */
  public record OpSecond(
      long count, long errors, double p50Millis, double p90Millis, double p99Millis,
      double p999Millis, double maxMillis) {}

  /**
   * One --threshold and where it stands.
   *
   * @param expression as given, e.g. {@code ALL.p99<100ms}
   * @param state {@code PASS}, {@code FAIL} or {@code pending} (no data yet)
   * @param measured the measured value in the expression's unit, as printed
   */
  public record Threshold(String expression, String state, String measured) {}

  /**
   * Failed calls of one kind.
   *
   * @param phase {@code setup} or {@code steady}
   * @param op the operation
   * @param type the exception's simple class name, or why the call was never made
   * @param count failed calls
   */
  public record ErrorCount(String phase, String op, String type, long count) {}
}
