package org.redditclone.client.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One set of runs drawn into the charts: the one run of a report, or side A or B of a comparison.
 * Time series come from the first run (percentiles of different runs are never averaged); the
 * percentile spectrum sums the histograms of all runs.
 *
 * @param label prefix of the series names: empty for a report, {@code A} or {@code B} otherwise
 * @param runs at least one run
 */
public record ChartSide(String label, List<RunDir> runs) {

  public ChartSide {
    requireNonNull(label, "label");
    runs = List.copyOf(runs);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("side '" + label + "' has no run; it needs at least one");
    }
  }

  /** Returns the run whose time series are drawn. */
  RunDir first() {
    return runs.get(0);
  }

  /** Returns {@code name} prefixed with the label: {@code post} or {@code A post}. */
  String series(String name) {
    return label.isEmpty() ? name : label + " " + name;
  }
}
