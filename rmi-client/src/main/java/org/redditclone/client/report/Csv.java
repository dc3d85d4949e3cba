package org.redditclone.client.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small CSV files of a run: a fixed header, comma-separated fields, no quoting. A file
 * may carry columns after the expected ones (a newer writer appends, never reorders): the parser
 * sees them, and may ignore them.
 */
final class Csv {

  /** One parsed data line. */
  interface LineParser<T> {
    T parse(String[] fields);
  }

  private Csv() {}

  /**
   * Returns the rows of {@code file}, whose first line must be {@code header}, or {@code header}
   * followed by more columns.
   *
   * @throws IOException if the file cannot be read, the header differs or a line is malformed
   *     (named with its number)
   */
  static <T> List<T> read(Path file, String header, LineParser<T> parser) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String first = lines.isEmpty() ? "" : lines.get(0).strip();
    if (!first.equals(header) && !first.startsWith(header + ",")) {
      throw new IOException(file + ": the first line is "
          + (lines.isEmpty() ? "missing" : "'" + lines.get(0) + "'") + "; expected '" + header + "'");
    }
    int columns = first.split(",", -1).length;
    List<T> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split(",", -1);
      try {
        if (fields.length != columns) {
          throw new IllegalArgumentException(
              "it has " + fields.length + " fields; expected " + columns);
        }
        rows.add(parser.parse(fields));
      } catch (RuntimeException e) {
        throw new IOException(file + " line " + (i + 1) + " '" + line + "': " + e.getMessage(), e);
      }
    }
    return rows;
  }

  /** Returns the number in {@code field}; {@code NaN} is allowed. */
  static double number(String field) {
    return Double.parseDouble(field.strip());
  }

  /** Returns the whole number in {@code field}. */
  static long whole(String field) {
    return Long.parseLong(field.strip());
  }
}
