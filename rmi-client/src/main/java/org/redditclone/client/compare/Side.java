package org.redditclone.client.compare;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.redditclone.client.report.RunDir;

/**
 * One side of a comparison: its label and its runs.
 *
 * @param label {@code A} or {@code B}
 * @param runs one or more runs
 */
record Side(String label, List<RunDir> runs) {

  Side {
    requireNonNull(label, "label");
    runs = List.copyOf(runs);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("side " + label + " has no run; it needs at least one");
    }
  }

  /** Returns e.g. {@code runs/a1, runs/a2 (2 runs)}. */
  String describe() {
    String dirs = String.join(", ", runs.stream().map(run -> run.dir().toString()).toList());
    return dirs + (runs.size() == 1 ? "" : " (" + runs.size() + " runs)");
  }
}
