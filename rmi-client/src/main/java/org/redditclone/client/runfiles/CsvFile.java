package org.redditclone.client.runfiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.redditclone.client.runfiles.RunColumns.Column;

/**
 * The one reader and line writer of a run's CSV files: a header of {@link RunColumns}, then
 * comma-separated fields, no quoting (no field holds a comma or a line break).
 */
public final class CsvFile {

  /** One data line, read by column. */
  public static final class Row {

    private final String[] fields;

    private Row(String[] fields) {
      this.fields = fields;
    }

    /**
     * Returns whether the line has {@code column}: a column appended after those the reader asked
     * for, which a file of an earlier run lacks.
     */
    public boolean has(Column column) {
      return column.ordinal() < fields.length;
    }

    /** Returns the field of {@code column}, without surrounding blanks. */
    public String text(Column column) {
      return fields[column.ordinal()].strip();
    }

    /** Returns the whole number of {@code column}. */
    public long whole(Column column) {
      return Long.parseLong(text(column));
    }

    /** Returns the number of {@code column}; {@code NaN} is one. */
    public double number(Column column) {
      return Double.parseDouble(text(column));
    }
  }

  /** Makes a value of one data line. */
  @FunctionalInterface
  public interface RowParser<T> {
    T parse(Row row);
  }

  private CsvFile() {}

  /**
   * Returns the data lines of {@code file} as {@code parser} makes them; blank lines are skipped.
   *
   * @param columns the columns the reader knows: the file's first line must be their header, or
   *     their header followed by more columns (a newer writer appends, never reorders), which the
   *     parser may ignore
   * @param lastMayBeTorn whether a malformed last line is skipped (a file still being appended
   *     to, or its writer died mid-line) rather than an error
   * @throws IOException if the file cannot be read, its header differs or a line is malformed
   *     (not as many fields as the header has columns), naming the file and the line
   */
  public static <T> List<T> read(
      Path file, Column[] columns, boolean lastMayBeTorn, RowParser<T> parser) throws IOException {
    String header = RunColumns.header(columns);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String first = lines.isEmpty() ? "" : lines.get(0).strip();
    if (!first.equals(header) && !first.startsWith(header + ",")) {
      throw new IOException(file + ": the first line is "
          + (lines.isEmpty() ? "missing" : "'" + lines.get(0) + "'") + "; expected '" + header + "'");
    }
    int count = first.split(",", -1).length;
    List<T> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split(",", -1);
      try {
        if (fields.length != count) {
          throw new IllegalArgumentException("it has " + fields.length + " fields; expected " + count);
        }
        rows.add(parser.parse(new Row(fields)));
      } catch (RuntimeException e) {
        if (lastMayBeTorn && i == lines.size() - 1) {
          break;
        }
        throw new IOException(file + " line " + (i + 1) + " '" + line + "': " + e.getMessage(), e);
      }
    }
    return rows;
  }

  /** Returns the header line of {@code columns} followed by a line break. */
  public static String headerLine(Column[] columns) {
    return RunColumns.header(columns) + "\n";
  }

  /**
   * Returns one data line, without its line break: the field of each column in file order, as
   * {@code field} gives it. A switch over the columns makes the compiler check that every column
   * is written.
   *
   * @throws IllegalArgumentException if a field holds a comma or a line break
   */
  public static <C extends Column> String line(C[] columns, Function<C, ?> field) {
    StringBuilder line = new StringBuilder();
    for (C column : columns) {
      String text = String.valueOf(field.apply(column));
      if (text.indexOf(',') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
        throw new IllegalArgumentException(
            column.header() + " '" + text + "' holds a comma or a line break, which CSV fields here cannot");
      }
      if (column.ordinal() > 0) {
        line.append(',');
      }
      line.append(text);
    }
    return line.toString();
  }
}
