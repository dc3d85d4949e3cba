package org.redditclone.client.runfiles;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one writer and reader of thresholds.txt: a line per {@code --threshold}, in the order
 * given, {@code EXPRESSION VERDICT MEASURED} separated by single spaces (no field holds one).
 */
public final class ThresholdsFile {

  /** What the file holds, for the schema page. */
  static final String DESCRIPTION = "A line per `--threshold`, in the order given: the expression, `PASS` or "
      + "`FAIL`, and the value measured over the window in the expression's unit (`NaN` when nothing was "
      + "measured: a latency of no successful call fails its threshold).";

  /** Two lines as the coordinator writes them. */
  static final String EXAMPLE = "ALL.p99<100ms PASS 8.372ms\nALL.error_rate<0.1% FAIL 0.250%\n";

  /** The verdict of a threshold that held. */
  public static final String PASS = "PASS";
  /** The verdict of a threshold that did not hold. */
  public static final String FAIL = "FAIL";

  /**
   * One threshold's line.
   *
   * @param expression as given, e.g. {@code ALL.p99<100ms}
   * @param verdict {@link #PASS} or {@link #FAIL}
   * @param measured the measured value in the expression's unit, e.g. {@code 8.372ms}
   */
  public record Line(String expression, String verdict, String measured) {

    public Line {
      requireNonNull(expression, "expression");
      requireNonNull(verdict, "verdict");
      requireNonNull(measured, "measured");
      for (String field : List.of(expression, verdict, measured)) {
        if (field.isEmpty() || field.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException("thresholds.txt field '" + field + "' is empty or holds a blank");
        }
      }
    }

    /** Returns the line as written, without its line break. */
    public String text() {
      return expression + " " + verdict + " " + measured;
    }
  }

  private ThresholdsFile() {}

  /** Writes {@code lines} to {@code file}, atomically. */
  public static void write(Path file, List<Line> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line.text()).append('\n'));
    RunFiles.writeAtomically(file, text);
  }

  /**
   * Returns the lines of {@code file}; blank lines are skipped.
   *
   * @throws IOException if it cannot be read or a line has not three fields, naming the line
   */
  public static List<Line> read(Path file) throws IOException {
    List<Line> lines = new ArrayList<>();
    List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < text.size(); i++) {
      if (text.get(i).isBlank()) {
        continue;
      }
      String[] fields = text.get(i).strip().split(" ");
      if (fields.length != 3) {
        throw new IOException(file + " line " + (i + 1) + " '" + text.get(i) + "' has " + fields.length
            + " fields; expected EXPRESSION VERDICT MEASURED");
      }
      lines.add(new Line(fields[0], fields[1], fields[2]));
    }
    return lines;
  }
}
