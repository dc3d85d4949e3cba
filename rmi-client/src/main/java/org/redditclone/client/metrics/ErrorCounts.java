package org.redditclone.client.metrics;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.RunColumns.Errors;

/**
 * Counts of failed calls by phase, operation and error type; safe for many recording threads.
 * Written as {@link Errors}, sorted by phase, operation and type.
 */
public final class ErrorCounts {

  /**
   * The key of one count.
   *
   * @param phase the phase the call was made in
   * @param op the operation
   * @param type the simple class name of the exception, e.g. {@code NotFoundException}
   */
  public record Key(Phase phase, Op op, String type) {

    static final Comparator<Key> ORDER =
        Comparator.comparing(Key::phase).thenComparing(Key::op).thenComparing(Key::type);

    public Key {
      requireNonNull(phase, "phase");
      requireNonNull(op, "op");
      type = cleanType(type);
    }
  }

  private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();

  /** Counts one failed call. */
  public void increment(Phase phase, Op op, String type) {
    add(new Key(phase, op, type), 1);
  }

  /** Adds {@code count} failed calls of {@code key}. */
  public void add(Key key, long count) {
    requireNonNull(key, "key");
    if (count < 0) {
      throw new IllegalArgumentException("count of " + key + " is " + count + "; it cannot be negative");
    }
    counts.computeIfAbsent(key, k -> new LongAdder()).add(count);
  }

  /** Adds every count of {@code other} to this one. */
  public void addAll(ErrorCounts other) {
    other.snapshot().forEach(this::add);
  }

  /** Returns the counts now, sorted by phase, operation and type. */
  public SortedMap<Key, Long> snapshot() {
    SortedMap<Key, Long> copy = new TreeMap<>(Key.ORDER);
    counts.forEach((key, count) -> copy.put(key, count.sum()));
    return copy;
  }

  /** Returns the CSV text: the header of {@link Errors}, then one line per key. */
  public String csv() {
    StringBuilder text = new StringBuilder(CsvFile.headerLine(Errors.values()));
    snapshot().forEach((key, count) -> text.append(CsvFile.line(Errors.values(), column -> switch (column) {
      case PHASE -> key.phase().fileName();
      case OP -> key.op().wireName();
      case ERROR_TYPE -> key.type();
      case COUNT -> count;
    })).append('\n'));
    return text.toString();
  }

  /**
   * Returns the counts read from an errors CSV.
   *
   * @throws IOException if the file cannot be read or a line is malformed (named with its number)
   */
  public static ErrorCounts read(Path file) throws IOException {
    ErrorCounts result = new ErrorCounts();
    CsvFile.read(file, Errors.values(), false, row -> {
      result.add(new Key(Phase.parse(row.text(Errors.PHASE)), Op.fromWireName(row.text(Errors.OP)),
          row.text(Errors.ERROR_TYPE)), row.whole(Errors.COUNT));
      return row;
    });
    return result;
  }

  /** Returns the error type fit for a CSV field: no commas or blanks, never empty, at most 200 characters. */
  public static String cleanType(String type) {
    if (type == null || type.isBlank()) {
      return "Unknown";
    }
    String clean = type.strip().replaceAll("[,\\s]", "_");
    return clean.length() > 200 ? clean.substring(0, 200) : clean;
  }
}
