package org.redditclone.client.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.RunColumns.Summary;
import org.redditclone.client.runfiles.RunColumns;

/**
 * Builds summaries: one row per operation that occurred, in {@link Op} order, then {@code ALL},
 * whose latencies come from the sum of the success histograms (percentiles are never averaged).
 */
public final class SummaryTable {

  private SummaryTable() {}

  /**
   * Returns the rows of a phase of {@code seconds} from the histograms of successful and failed
   * calls per operation; an absent operation did not occur.
   */
  public static List<SummaryRow> rows(
      Map<Op, ? extends AbstractHistogram> successes,
      Map<Op, ? extends AbstractHistogram> failures,
      double seconds) {
    List<SummaryRow> rows = new ArrayList<>();
    Histogram all = Latencies.newHistogram();
    long allErrors = 0;
    for (Op op : Op.values()) {
      AbstractHistogram ok = successes.get(op);
      long errors = count(failures.get(op));
      if (count(ok) + errors == 0) {
        continue;
      }
      rows.add(SummaryRow.of(op.wireName(), ok, errors, seconds));
      if (ok != null) {
        all.add(ok);
      }
      allErrors += errors;
    }
    rows.add(SummaryRow.of(RunColumns.ALL, all, allErrors, seconds));
    return rows;
  }

  /** Returns {@code rows} as CSV text: the header of {@link Summary}, then one line a row. */
  public static String csv(List<SummaryRow> rows) {
    StringBuilder text = new StringBuilder(CsvFile.headerLine(Summary.values()));
    for (SummaryRow row : rows) {
      text.append(row.csvLine()).append('\n');
    }
    return text.toString();
  }

  private static long count(AbstractHistogram histogram) {
    return histogram == null ? 0 : histogram.getTotalCount();
  }
}
