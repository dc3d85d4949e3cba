package org.redditclone.client.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.redditclone.client.runfiles.RunFiles;

/**
 * Reads the thresholds of a run folder, thresholds.txt: a line per {@code --threshold}, holding
 * its state ({@code PASS}, {@code FAIL} or {@code pending}), its expression (the word with
 * {@code <} or {@code >}) and the measured value (the rest, after an optional {@code measured}),
 * in any order, e.g. {@code PASS ALL.p99<100ms measured 42.1ms}. Lines starting with {@code #}
 * and blank lines are skipped.
 */
final class Thresholds {

  private static final Set<String> STATES = Set.of("PASS", "FAIL", "PENDING");

  private Thresholds() {}

  /**
   * Returns the thresholds of {@code runDir}, none if it has no thresholds.txt.
   *
   * @throws IOException if the file cannot be read, or a line has no state or no expression,
   *     naming the file and the line
   */
  static List<RunView.Threshold> read(Path runDir) throws IOException {
    Path file = runDir.resolve(RunFiles.THRESHOLDS_TXT);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<RunView.Threshold> thresholds = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String state = null;
      String expression = null;
      List<String> rest = new ArrayList<>();
      for (String word : line.split("\\s+")) {
        if (state == null && STATES.contains(word.toUpperCase(Locale.ROOT))) {
          state = word.equalsIgnoreCase("pending") ? "pending" : word.toUpperCase(Locale.ROOT);
        } else if (expression == null && (word.contains("<") || word.contains(">"))) {
          expression = word;
        } else if (!(rest.isEmpty() && word.matches("(?i)measured[:=]?"))) {
          rest.add(word);
        }
      }
      if (state == null || expression == null) {
        throw new IOException(file + " line " + (i + 1) + " '" + line + "' has no "
            + (state == null ? "state (PASS, FAIL or pending)" : "expression (OP.METRIC<VALUE)"));
      }
      thresholds.add(new RunView.Threshold(expression, state, String.join(" ", rest)));
    }
    return thresholds;
  }
}
