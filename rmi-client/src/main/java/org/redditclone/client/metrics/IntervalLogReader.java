package org.redditclone.client.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * The one reader of the interval logs (client-K.hlog, client-K.setup.hlog) that {@link
 * IntervalLogWriter} writes: an index without decoding, or the tagged intervals one at a time.
 */
public final class IntervalLogReader {

  private static final String START_TIME = "#[StartTime: ";
  private static final String BASE_TIME = "#[BaseTime: ";
  private static final String TAG = "Tag=";

  /**
   * What a log holds, found without decoding a histogram.
   *
   * @param startMillis the StartTime header, epoch ms, if present
   * @param lastEndMillis the end of the last interval, epoch ms, if any interval
   * @param ops the operations with at least one interval (successes or errors)
   */
  public record Index(OptionalLong startMillis, OptionalLong lastEndMillis, Set<Op> ops) {}

  private IntervalLogReader() {}

  /** Returns the index of {@code file}: its start time, the end of its last interval, its ops. */
  public static Index index(Path file) throws IOException {
    double startSec = Double.NaN;
    double baseSec = 0;
    double lastEndSec = Double.NaN;
    Set<Op> ops = EnumSet.noneOf(Op.class);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        try {
          if (line.startsWith(START_TIME)) {
            startSec = headerSeconds(line, START_TIME);
          } else if (line.startsWith(BASE_TIME)) {
            baseSec = headerSeconds(line, BASE_TIME);
          } else if (line.startsWith(TAG)) {
            String[] fields = line.split(",", 4);
            ops.add(Tag.parse(fields[0].substring(TAG.length())).op());
            lastEndSec = baseSec + Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]);
          }
        } catch (RuntimeException e) {
          throw new IOException(file + " line " + number + " is malformed: " + e.getMessage(), e);
        }
      }
    }
    return new Index(millis(startSec), millis(lastEndSec), ops);
  }

  /** Returns every interval of {@code file}, in the order written. For small logs only. */
  public static List<Interval> readAll(Path file) throws IOException {
    List<Interval> intervals = new ArrayList<>();
    try (Source source = open(file)) {
      for (Interval interval = source.next(); interval != null; interval = source.next()) {
        intervals.add(interval);
      }
    }
    return intervals;
  }

  /** Opens {@code file} for reading its intervals one at a time. */
  public static Source open(Path file) throws IOException {
    return new Source(file);
  }

  /** The intervals of one log, decoded one at a time so a long run never sits in memory. */
  public static final class Source implements AutoCloseable {
    private final Path file;
    private final HistogramLogReader reader;

    private Source(Path file) throws IOException {
      this.file = file;
      this.reader = new HistogramLogReader(file.toFile());
    }

    /** Returns the next interval, or null at the end. */
    public Interval next() throws IOException {
      EncodableHistogram next;
      try {
        next = reader.nextIntervalHistogram();
      } catch (RuntimeException e) {
        throw new IOException("cannot decode an interval of " + file + ": " + e, e);
      }
      if (next == null) {
        return null;
      }
      if (!(next instanceof Histogram histogram)) {
        throw new IOException(file + " holds a " + next.getClass().getSimpleName()
            + "; expected integer histograms of nanoseconds");
      }
      if (histogram.getTag() == null) {
        throw new IOException(file + " holds an interval without a tag at "
            + histogram.getStartTimeStamp() + " ms; every interval needs an op tag");
      }
      try {
        return new Interval(Tag.parse(histogram.getTag()), histogram.getStartTimeStamp(),
            histogram.getEndTimeStamp(), histogram);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      reader.close();
    }
  }

  private static double headerSeconds(String line, String prefix) {
    String rest = line.substring(prefix.length()).strip();
    int end = 0;
    while (end < rest.length() && (Character.isDigit(rest.charAt(end)) || rest.charAt(end) == '.')) {
      end++;
    }
    return Double.parseDouble(rest.substring(0, end));
  }

  private static OptionalLong millis(double seconds) {
    return Double.isNaN(seconds) ? OptionalLong.empty() : OptionalLong.of(Math.round(seconds * 1000));
  }
}
