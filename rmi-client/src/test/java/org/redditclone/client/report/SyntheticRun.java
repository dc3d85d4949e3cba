package org.redditclone.client.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.redditclone.client.metrics.ErrorCounts;
import org.redditclone.client.metrics.IntervalLogWriter;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.metrics.Phase;
import org.redditclone.client.metrics.SummaryTable;
import org.redditclone.client.metrics.Tag;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.RunColumns;
import org.redditclone.client.runfiles.RunColumns.Zipf;
import org.redditclone.client.runfiles.RunFiles;

/**
 * Writes a run directory of made-up but self-consistent data, as the merge would: run.properties,
 * client-K.hlog (1 s intervals), merged.csv, timeline.csv (with the coordinator's columns: engine
 * GC 12.5 ms every 5th second, CPU 40% + 1 a second, schedule lag 15 ms in second 3 and 0.5 ms in
 * the others), zipf.csv, errors.csv and thresholds.txt if asked. For tests.
 */
public final class SyntheticRun {

  private final Map<String, String> config = new LinkedHashMap<>();
  private final Map<Op, Double> ratePerSecond = new EnumMap<>(Op.class);
  private int seconds = 20;
  private int clients = 2;
  private double medianMillis = 2.0;
  private double errorRate = 0.01;
  private long seed = 1;
  private boolean zipf = true;
  private boolean coordinatorColumns = true;
  private final StringBuilder thresholds = new StringBuilder();

  private SyntheticRun() {
    ratePerSecond.put(Op.FEED, 60.0);
    ratePerSecond.put(Op.VOTE_POST, 40.0);
    ratePerSecond.put(Op.POST, 20.0);
    ratePerSecond.put(Op.COMMENT, 15.0);
    ratePerSecond.put(Op.SEND_DM, 5.0);
    config.put("clients", "1,2");
    config.put("users.client.1", "100");
    config.put("users.client.2", "100");
    config.put("users.total", "200");
    config.put("duration.s", "20");
    config.put("rate", "140");
    config.put("mix", "default");
    config.put("seed.client.1", "1");
    config.put("java.version", "17.0.15");
    config.put("zipf.exponent", "1.0");
    config.put("consistency", "PASS");
  }

  /** Returns a generator with the defaults: 20 s, 2 clients, 5 operations, 2 ms median. */
  public static SyntheticRun create() {
    return new SyntheticRun();
  }

  public SyntheticRun seconds(int value) {
    seconds = value;
    config.put("duration.s", Integer.toString(value));
    return this;
  }

  /** Multiplies every operation's rate by {@code factor}. */
  public SyntheticRun rateFactor(double factor) {
    ratePerSecond.replaceAll((op, rate) -> rate * factor);
    config.put("rate", Long.toString(Math.round(ratePerSecond.values().stream()
        .mapToDouble(Double::doubleValue).sum())));
    return this;
  }

  public SyntheticRun medianMillis(double value) {
    medianMillis = value;
    return this;
  }

  public SyntheticRun errorRate(double value) {
    errorRate = value;
    return this;
  }

  public SyntheticRun seed(long value) {
    seed = value;
    config.put("seed.client.1", Long.toString(value));
    return this;
  }

  public SyntheticRun withoutZipf() {
    zipf = false;
    return this;
  }

  /** Writes timeline.csv as runs from before the coordinator did: without its four columns. */
  public SyntheticRun withoutCoordinatorColumns() {
    coordinatorColumns = false;
    return this;
  }

  /** Adds a line to thresholds.txt (written only if a line was added). */
  public SyntheticRun threshold(String line) {
    thresholds.append(line).append('\n');
    return this;
  }

  public SyntheticRun config(String key, String value) {
    config.put(key, value);
    return this;
  }

  /** Writes the run into {@code dir} (created) and returns it. */
  public Path write(Path dir) throws IOException {
    requireNonNull(dir, "dir");
    Files.createDirectories(dir);
    Random random = new Random(seed);
    long start = 1_700_000_000_000L + seed * 1_000_000L;
    Map<Op, Histogram> ok = new EnumMap<>(Op.class);
    Map<Op, Histogram> failed = new EnumMap<>(Op.class);
    ErrorCounts errors = new ErrorCounts();
    StringWriter timeline = new StringWriter();
    RunColumns.Timeline[] columns = coordinatorColumns ? RunColumns.Timeline.values()
        : RunColumns.through(RunColumns.Timeline.values(), RunColumns.Timeline.USERS_ONLINE);
    timeline.write(RunColumns.header(columns) + "\n");
    IntervalLogWriter[] logs = new IntervalLogWriter[clients];
    for (int k = 0; k < clients; k++) {
      logs[k] = IntervalLogWriter.open(dir.resolve(RunFiles.clientHlog(k + 1)), start, "synthetic");
    }
    try {
      for (int second = 0; second < seconds; second++) {
        Histogram all = Latencies.newHistogram();
        long allErrors = 0;
        long online = Math.round(clients * 80 + 20 * Math.sin(second / 3.0));
        String engine = coordinatorColumns ? "," + clients + "," + Latencies.decimal(second % 5 == 0 ? 12.5 : 0)
            + "," + Latencies.decimal(40 + second) + "," + Latencies.decimal(second == 3 ? 15 : 0.5) : "";
        for (Map.Entry<Op, Double> entry : ratePerSecond.entrySet()) {
          Op op = entry.getKey();
          Histogram secondOk = Latencies.newHistogram();
          long secondErrors = 0;
          for (int k = 0; k < clients; k++) {
            Histogram clientOk = Latencies.newHistogram();
            Histogram clientFailed = Latencies.newHistogram();
            long calls = poisson(random, entry.getValue() / clients);
            for (long c = 0; c < calls; c++) {
              long nanos = Latencies.clamp(Math.round(
                  medianMillis * 1e6 * Math.exp(0.6 * random.nextGaussian())));
              if (random.nextDouble() < errorRate) {
                clientFailed.recordValue(nanos);
                errors.increment(Phase.STEADY, op, "NotFoundException");
              } else {
                clientOk.recordValue(nanos);
              }
            }
            long from = start + second * 1000L + k * 7;
            secondOk.add(clientOk);
            secondErrors += clientFailed.getTotalCount();
            ok.computeIfAbsent(op, o -> Latencies.newHistogram()).add(clientOk);
            failed.computeIfAbsent(op, o -> Latencies.newHistogram()).add(clientFailed);
            logs[k].write(Tag.success(op), from, from + 1000, clientOk);
            logs[k].write(Tag.failure(op), from, from + 1000, clientFailed);
          }
          all.add(secondOk);
          allErrors += secondErrors;
          timeline.write(timelineRow(second, op.wireName(), secondOk, secondErrors, online, engine));
        }
        timeline.write(timelineRow(second, RunColumns.ALL, all, allErrors, online, engine));
      }
    } finally {
      for (IntervalLogWriter log : logs) {
        log.close();
      }
    }
    RunFiles.writeAtomically(dir.resolve(RunFiles.MERGED_CSV),
        SummaryTable.csv(SummaryTable.rows(ok, failed, seconds)));
    RunFiles.writeAtomically(dir.resolve(RunFiles.TIMELINE_CSV), timeline.toString());
    RunFiles.writeAtomically(dir.resolve(RunFiles.ERRORS_CSV), errors.csv());
    StringBuilder properties = new StringBuilder("# synthetic run\n");
    config.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
    RunFiles.writeAtomically(dir.resolve(RunFiles.RUN_PROPERTIES), properties);
    if (thresholds.length() > 0) {
      RunFiles.writeAtomically(dir.resolve(RunFiles.THRESHOLDS_TXT), thresholds);
    }
    if (zipf) {
      StringBuilder text = new StringBuilder(CsvFile.headerLine(Zipf.values()));
      for (int rank = 1; rank <= 30; rank++) {
        int k = rank;
        double expected = 400.0 / rank;
        long members = Math.max(1, Math.round(expected * Math.exp(0.1 * random.nextGaussian())));
        text.append(CsvFile.line(Zipf.values(), column -> switch (column) {
          case RANK -> k;
          case SUBREDDIT -> String.format("sim_r%05d", k);
          case MEMBERS -> members;
          case EXPECTED -> Latencies.decimal(expected);
          case POSTS -> members / 2;
          case EXPONENT, FITTED_EXPONENT -> "1.000";
        })).append('\n');
      }
      RunFiles.writeAtomically(dir.resolve(RunFiles.ZIPF_CSV), text);
    }
    return dir;
  }

  /** Returns the operations the run has, in {@link Op} order. */
  public List<Op> ops() {
    return List.copyOf(ratePerSecond.keySet());
  }

  private static String timelineRow(
      int second, String op, Histogram ok, long errors, long online, String engine) {
    long count = ok.getTotalCount();
    double p50 = count == 0 ? Double.NaN : ok.getValueAtPercentile(50);
    double p99 = count == 0 ? Double.NaN : ok.getValueAtPercentile(99);
    return second + "," + op + "," + count + "," + errors + "," + Latencies.millis(p50) + ","
        + Latencies.millis(p99) + "," + online + engine + "\n";
  }

  private static long poisson(Random random, double mean) {
    // Knuth's method is fine for the small means of a test; a normal approximation above 30.
    if (mean > 30) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    long k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }
}
