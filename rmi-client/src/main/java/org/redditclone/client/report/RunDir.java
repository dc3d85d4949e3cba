package org.redditclone.client.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.redditclone.client.metrics.ErrorCounts;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.PropertiesFile;
import org.redditclone.client.runfiles.RunColumns;
import org.redditclone.client.runfiles.RunColumns.Summary;
import org.redditclone.client.runfiles.RunColumns.Timeline;
import org.redditclone.client.runfiles.RunColumns.Zipf;
import org.redditclone.client.runfiles.RunFiles;

/**
 * The merged files of one run directory, read once: its configuration, its summary, its
 * timeline, its Zipf check and its errors; the clients' interval logs are read on first use.
 *
 * <p>merged.csv is the one file a run cannot do without; the others may be missing (an old run, a
 * merge that failed half way) and are then empty.
 */
public final class RunDir {

  private final Path dir;
  private final SortedMap<String, String> config;
  private final List<SummaryRow> merged;
  private final List<TimelineRow> timeline;
  private final List<ZipfRow> zipf;
  private final Optional<ErrorCounts> errors;
  private RunHistograms histograms;

  private RunDir(Path dir, SortedMap<String, String> config, List<SummaryRow> merged,
      List<TimelineRow> timeline, List<ZipfRow> zipf, Optional<ErrorCounts> errors) {
    this.dir = dir;
    this.config = config;
    this.merged = merged;
    this.timeline = timeline;
    this.zipf = zipf;
    this.errors = errors;
  }

  /**
   * Returns the run in {@code dir}.
   *
   * @throws IOException if {@code dir} is not a run directory (no merged.csv) or a file of it is
   *     malformed, naming the file and line
   */
  public static RunDir read(Path dir) throws IOException {
    requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + " is not a directory");
    }
    Path mergedCsv = dir.resolve(RunFiles.MERGED_CSV);
    if (!Files.isRegularFile(mergedCsv)) {
      throw new IOException(dir + " is not a run directory: it has no " + RunFiles.MERGED_CSV);
    }
    return new RunDir(dir,
        readConfig(dir.resolve(RunFiles.RUN_PROPERTIES)),
        readMerged(mergedCsv),
        ifPresent(dir.resolve(RunFiles.TIMELINE_CSV), RunDir::readTimeline),
        ifPresent(dir.resolve(RunFiles.ZIPF_CSV), RunDir::readZipf),
        Files.isRegularFile(dir.resolve(RunFiles.ERRORS_CSV))
            ? Optional.of(ErrorCounts.read(dir.resolve(RunFiles.ERRORS_CSV)))
            : Optional.empty());
  }

  /** Returns the run directory. */
  public Path dir() {
    return dir;
  }

  /** Returns the run's name: the directory's name. */
  public String name() {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return name == null ? dir.toString() : name.toString();
  }

  /** Returns run.properties sorted by key; empty when the file is missing. */
  public SortedMap<String, String> config() {
    return Collections.unmodifiableSortedMap(config);
  }

  /** Returns merged.csv: a row per operation, then ALL; latencies in nanoseconds. */
  public List<SummaryRow> merged() {
    return merged;
  }

  /** Returns the merged.csv row of {@code op}, if the run has one. */
  public Optional<SummaryRow> mergedRow(String op) {
    return merged.stream().filter(row -> row.op().equals(op)).findFirst();
  }

  /** Returns timeline.csv, empty when missing. */
  public List<TimelineRow> timeline() {
    return timeline;
  }

  /** Returns the timeline rows of {@code op} in order of their second. */
  public List<TimelineRow> timeline(String op) {
    return timeline.stream().filter(row -> row.op().equals(op)).toList();
  }

  /** Returns zipf.csv, empty when missing. */
  public List<ZipfRow> zipf() {
    return zipf;
  }

  /** Returns errors.csv, if present. */
  public Optional<ErrorCounts> errors() {
    return errors;
  }

  /**
   * Returns the successes of the clients' interval logs, read on first call.
   *
   * @throws IOException if a log is malformed
   */
  public synchronized RunHistograms histograms() throws IOException {
    if (histograms == null) {
      histograms = RunHistograms.read(dir);
    }
    return histograms;
  }

  @Override
  public String toString() {
    return dir.toString();
  }

  private interface FileReader<T> {
    List<T> read(Path file) throws IOException;
  }

  private static <T> List<T> ifPresent(Path file, FileReader<T> reader) throws IOException {
    return Files.isRegularFile(file) ? List.copyOf(reader.read(file)) : List.of();
  }

  private static SortedMap<String, String> readConfig(Path file) throws IOException {
    SortedMap<String, String> config = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return config;
    }
    PropertiesFile.read(file).forEach((key, value) -> config.put(key, value.strip()));
    return config;
  }

  /** Returns the rows of a summary CSV ({@link Summary}), latencies in ns. */
  static List<SummaryRow> readMerged(Path file) throws IOException {
    return List.copyOf(CsvFile.read(file, Summary.values(), false, SummaryRow::of));
  }

  /** Returns the rows of timeline.csv, of this run or an earlier one (columns up to users_online). */
  private static List<TimelineRow> readTimeline(Path file) throws IOException {
    return CsvFile.read(file, RunColumns.through(Timeline.values(), Timeline.USERS_ONLINE), false,
        row -> new TimelineRow(
            row.whole(Timeline.SECOND), row.text(Timeline.OP), row.whole(Timeline.COUNT),
            row.whole(Timeline.ERRORS), row.number(Timeline.P50_MS), row.number(Timeline.P99_MS),
            row.whole(Timeline.USERS_ONLINE),
            row.has(Timeline.CLIENTS) ? Math.toIntExact(row.whole(Timeline.CLIENTS)) : -1,
            optional(row, Timeline.ENGINE_GC_MS), optional(row, Timeline.ENGINE_CPU_PCT),
            optional(row, Timeline.LAG_P99_MS)));
  }

  private static double optional(CsvFile.Row row, Timeline column) {
    return row.has(column) ? row.number(column) : Double.NaN;
  }

  /** Returns the rows of zipf.csv, of this run or an earlier one (columns up to expected). */
  private static List<ZipfRow> readZipf(Path file) throws IOException {
    return CsvFile.read(file, RunColumns.through(Zipf.values(), Zipf.EXPECTED), false, row -> new ZipfRow(
        Math.toIntExact(row.whole(Zipf.RANK)), row.text(Zipf.SUBREDDIT), row.whole(Zipf.MEMBERS),
        row.number(Zipf.EXPECTED)));
  }
}
