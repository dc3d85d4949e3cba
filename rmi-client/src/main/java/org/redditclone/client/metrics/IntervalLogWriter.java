package org.redditclone.client.metrics;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes an HdrHistogram interval log: a comment, the format version, a start-time and a
 * base-time header (both the given epoch time), the legend, then one line per tagged interval
 * with timestamps relative to the base time. Not thread-safe.
 */
public final class IntervalLogWriter implements AutoCloseable {

  private final Path file;
  private final PrintStream out;
  private final HistogramLogWriter writer;
  private final ByteArrayOutputStream memory;

  private IntervalLogWriter(Path file, PrintStream out, long baseTimeMillis, String comment) {
    this(file, out, baseTimeMillis, comment, null);
  }

  private IntervalLogWriter(Path file, PrintStream out, long baseTimeMillis, String comment,
      ByteArrayOutputStream memory) {
    this.file = file;
    this.out = out;
    this.memory = memory;
    this.writer = new HistogramLogWriter(out);
    writer.outputComment(comment);
    writer.outputLogFormatVersion();
    writer.outputStartTime(baseTimeMillis);
    writer.outputBaseTime(baseTimeMillis);
    writer.setBaseTime(baseTimeMillis);
    writer.outputLegend();
    out.flush();
  }

  /**
   * Creates (or replaces) {@code file} and writes its headers: a log that grows while the client
   * runs, so that a client that dies leaves every interval before its death.
   */
  public static IntervalLogWriter open(Path file, long baseTimeMillis, String comment)
      throws IOException {
    requireNonNull(file, "file");
    requireNonNull(comment, "comment");
    PrintStream out =
        new PrintStream(new BufferedOutputStream(Files.newOutputStream(file)), false, StandardCharsets.UTF_8);
    return new IntervalLogWriter(file, out, baseTimeMillis, comment);
  }

  /**
   * Returns a writer into memory, for a log written whole: {@link #text()} returns it, to be
   * written atomically to {@code file} (named in errors).
   */
  public static IntervalLogWriter inMemory(Path file, long baseTimeMillis, String comment) {
    requireNonNull(file, "file");
    requireNonNull(comment, "comment");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    return new IntervalLogWriter(file, new PrintStream(bytes, false, StandardCharsets.UTF_8),
        baseTimeMillis, comment, bytes);
  }

  /**
   * Returns what an {@link #inMemory} writer wrote.
   *
   * @throws IllegalStateException if this writer writes to a file
   */
  public String text() {
    if (memory == null) {
      throw new IllegalStateException("the interval log " + file + " is written to its file");
    }
    out.flush();
    return memory.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes {@code histogram} as the interval {@code startMillis..endMillis} (epoch) of {@code tag};
   * an empty histogram is skipped. The histogram's timestamps and tag are overwritten.
   */
  public void write(Tag tag, long startMillis, long endMillis, Histogram histogram) {
    requireNonNull(tag, "tag");
    if (endMillis < startMillis) {
      throw new IllegalArgumentException(
          "interval of " + tag + " ends at " + endMillis + " before it starts at " + startMillis);
    }
    if (histogram.getTotalCount() == 0) {
      return;
    }
    histogram.setStartTimeStamp(startMillis);
    histogram.setEndTimeStamp(endMillis);
    histogram.setTag(tag.wireName());
    writer.outputIntervalHistogram(histogram);
  }

  /**
   * Flushes what was written to the file.
   *
   * @throws IOException if any write since opening failed
   */
  public void flush() throws IOException {
    out.flush();
    if (out.checkError()) {
      throw new IOException("writing the interval log " + file + " failed");
    }
  }

  /** Flushes and closes the file; throws IOException if any write failed. */
  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      out.close();
    }
  }
}
