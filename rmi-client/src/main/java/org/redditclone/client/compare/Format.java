package org.redditclone.client.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redditclone.client.report.Html;

/**
 * The output formats of a comparison: an aligned text table (one table per figure, as benchstat
 * prints), CSV (one line per operation and figure) and Markdown; and the HTML tables of the
 * comparison page.
 */
enum Format {
  TEXT("text"),
  CSV("csv"),
  MD("md");

  /** The header of the CSV format, exactly. */
  static final String CSV_HEADER = "metric,op,a,b,change_pct,p_value,verdict,test,n_a,n_b";

  /** The name given to {@code --format}. */
  final String name;

  Format(String name) {
    this.name = name;
  }

  /** Returns the format named {@code name}, or throws IllegalArgumentException naming it. */
  static Format named(String name) {
    for (Format format : values()) {
      if (format.name.equals(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException("--format is '" + name + "'; expected text, csv or md");
  }

  /** Returns {@code comparison} in this format, ending with a newline. */
  String render(Comparison comparison) {
    return switch (this) {
      case TEXT -> text(comparison);
      case CSV -> csv(comparison);
      case MD -> markdown(comparison);
    };
  }

  private static String text(Comparison c) {
    StringBuilder out = new StringBuilder();
    out.append("A: ").append(c.a().describe()).append('\n');
    out.append("B: ").append(c.b().describe()).append("\n\n");
    if (!c.config().rows().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("configuration", "A", "B", ""));
      for (ConfigDiff.Entry e : c.config().rows()) {
        rows.add(List.of(e.key(), shorten(e.a()), shorten(e.b()), e.differs() ? "<- differs" : ""));
      }
      out.append(aligned(rows, 0)).append('\n');
    }
    for (String warning : c.config().warnings()) {
      out.append("warning: ").append(warning).append('\n');
    }
    if (!c.config().warnings().isEmpty()) {
      out.append('\n');
    }
    for (Metric metric : Metric.values()) {
      out.append(aligned(metricRows(c, metric), 2)).append('\n');
    }
    out.append(notes(c));
    return out.toString();
  }

  private static String markdown(Comparison c) {
    StringBuilder out = new StringBuilder();
    out.append("**A:** ").append(c.a().describe()).append("  \n");
    out.append("**B:** ").append(c.b().describe()).append("\n\n");
    if (!c.config().rows().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("configuration", "A", "B", ""));
      for (ConfigDiff.Entry e : c.config().rows()) {
        rows.add(List.of(e.key(), shorten(e.a()), shorten(e.b()), e.differs() ? "differs" : ""));
      }
      out.append(markdownTable(rows, Integer.MAX_VALUE)).append('\n');
    }
    for (String warning : c.config().warnings()) {
      out.append("> **warning:** ").append(warning).append("\n");
    }
    if (!c.config().warnings().isEmpty()) {
      out.append('\n');
    }
    for (Metric metric : Metric.values()) {
      out.append(markdownTable(metricRows(c, metric), 1)).append('\n');
    }
    out.append(notes(c).replace("\n", "  \n"));
    return out.toString();
  }

  private static String csv(Comparison c) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
    for (Metric metric : Metric.values()) {
      List<Comparison.Row> rows = new ArrayList<>(c.rows());
      rows.add(c.geomean());
      for (Comparison.Row row : rows) {
        Cell cell = row.cell(metric);
        Significance s = cell.significance();
        out.append(String.join(",", metric.column, row.op(), csvNumber(cell.a(), "%.3f"),
            csvNumber(cell.b(), "%.3f"), csvNumber(cell.change(), "%.3f"),
            csvNumber(s.pValue(), "%.6f"), s.verdict(c.alpha()).label, s.test().label,
            Integer.toString(s.nA()), Integer.toString(s.nB()))).append('\n');
      }
    }
    return out.toString();
  }

  /** Returns the HTML of the comparison's tables, for the comparison page. */
  static String html(Comparison c) {
    StringBuilder out = new StringBuilder();
    out.append("<p>A: ").append(Html.escape(c.a().describe())).append("<br>B: ")
        .append(Html.escape(c.b().describe())).append("</p>\n");
    if (!c.config().rows().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (ConfigDiff.Entry e : c.config().rows()) {
        rows.add(List.of(e.key(), e.a(), e.b(), e.differs() ? "differs" : ""));
      }
      out.append("<h2>Configuration</h2>\n")
          .append(Html.table("config", List.of("key", "A", "B", ""), rows, i -> false));
    }
    for (String warning : c.config().warnings()) {
      out.append("<p class=\"warn\">warning: ").append(Html.escape(warning)).append("</p>\n");
    }
    for (Metric metric : Metric.values()) {
      List<List<String>> rows = metricRows(c, metric);
      out.append("<h2>").append(Html.escape(metric.title)).append("</h2>\n")
          .append(Html.table("compare-" + metric.column, rows.get(0), rows.subList(1, rows.size()),
              i -> i > 0));
    }
    out.append("<p class=\"meta\">").append(Html.escape(notes(c)).replace("\n", "<br>\n"))
        .append("</p>\n");
    return out.toString();
  }

  /** Returns the header and the rows of one figure's table, the geometric mean last. */
  private static List<List<String>> metricRows(Comparison c, Metric metric) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(metric.column, "A", "B", "delta"));
    for (Comparison.Row row : c.rows()) {
      Cell cell = row.cell(metric);
      rows.add(List.of(row.op(), number(cell.a()), number(cell.b()), delta(cell, c.alpha())));
    }
    Cell g = c.geomean().cell(metric);
    rows.add(List.of(Comparison.GEOMEAN, number(g.a()), number(g.b()), change(g.change())));
    return rows;
  }

  /** Returns e.g. {@code -49.80% (p=0.000 n=19+19)}, {@code ~ (p=0.532 n=19+19)}. */
  static String delta(Cell cell, double alpha) {
    Significance s = cell.significance();
    String n = "n=" + s.nA() + "+" + s.nB();
    return switch (s.verdict(alpha)) {
      case SIGNIFICANT -> change(cell.change()) + " (p=" + p(s.pValue()) + " " + n + ")";
      case NOT_SIGNIFICANT -> "~ (p=" + p(s.pValue()) + " " + n + ")";
      case UNTESTED -> change(cell.change()) + " (untested " + n + ")";
    };
  }

  /** Returns a change in percent: {@code +12.34%}, {@code -inf%} or {@code -} when unknown. */
  static String change(double percent) {
    if (Double.isNaN(percent)) {
      return "-";
    }
    if (Double.isInfinite(percent)) {
      return percent > 0 ? "+inf%" : "-inf%";
    }
    return String.format(Locale.ROOT, "%+.2f%%", percent);
  }

  /** Returns a figure with about four significant digits, or {@code -} when absent. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    double abs = Math.abs(value);
    String pattern = abs >= 1000 ? "%.0f" : abs >= 100 ? "%.1f" : abs >= 10 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, value);
  }

  /** The widest configuration value a table shows; a warning shows a differing one whole. */
  static final int CONFIG_WIDTH = 40;

  /** Returns {@code value} cut to {@value #CONFIG_WIDTH} characters, ending in ... when cut. */
  static String shorten(String value) {
    return value.length() <= CONFIG_WIDTH ? value : value.substring(0, CONFIG_WIDTH - 3) + "...";
  }

  private static String p(double p) {
    return String.format(Locale.ROOT, "%.3f", p);
  }

  private static String csvNumber(double value, String pattern) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    return String.format(Locale.ROOT, pattern, value);
  }

  private static String notes(Comparison c) {
    StringBuilder notes = new StringBuilder();
    notes.append(String.format(Locale.ROOT,
        "A and B are %s; delta is (B-A)/A; a change is marked with its p-value when significant "
            + "(alpha=%.2f) and ~ when not.%n", c.a().runs().size() == 1 && c.b().runs().size() == 1
            ? "the runs' figures" : "the medians of each side's runs", c.alpha()));
    if (c.testsRuns()) {
      notes.append("Test: Mann-Whitney U over the per-run figures of merged.csv (n = runs).\n");
      if (Math.min(c.a().runs().size(), c.b().runs().size()) < 4) {
        notes.append("With 3 runs against 3 the exact test cannot reach p < 0.05 (its smallest "
            + "p is 0.1): use 4 or more runs a side.\n");
      }
    } else {
      notes.append("Test: Mann-Whitney U over the per-second samples of timeline.csv (n = "
          + "seconds, each run's last partial second left out), as a side has fewer than "
          + Comparison.MIN_RUNS + " runs; p99 and p99.9 by a quantile test (Fisher's exact test"
          + " of the shares of calls above the pooled percentile, n = calls, from the hlogs),"
          + " as a second's own p99 is about its maximum and falls with the rate.\n");
      notes.append("Seconds and calls of one run are not independent samples: treat a small p "
          + "with care, and prefer 3 or more runs a side.\n");
    }
    notes.append("geomean: geometric mean over the operations (not ALL) where both sides are "
        + "positive; not tested.\n");
    return notes.toString();
  }

  /** Returns rows as text columns, left-aligned from column {@code numericFrom} on the right. */
  private static String aligned(List<List<String>> rows, int numericFrom) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        String cell = row.get(i);
        boolean right = numericFrom > 0 && i > 0 && i < numericFrom + 1;
        String pad = " ".repeat(widths[i] - cell.length());
        line.append(right ? pad + cell : cell + pad);
        if (i < columns - 1) {
          line.append("  ");
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** Returns a GitHub Markdown table; columns from {@code numericFrom} on are right-aligned. */
  private static String markdownTable(List<List<String>> rows, int numericFrom) {
    StringBuilder out = new StringBuilder();
    int columns = rows.get(0).size();
    out.append("| ").append(String.join(" | ", rows.get(0).stream().map(Format::md).toList()))
        .append(" |\n|");
    for (int i = 0; i < columns; i++) {
      out.append(i >= numericFrom ? " ---: |" : " --- |");
    }
    out.append('\n');
    for (List<String> row : rows.subList(1, rows.size())) {
      out.append("| ").append(String.join(" | ", row.stream().map(Format::md).toList()))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String md(String cell) {
    return cell.replace("|", "\\|").replace("*", "\\*").replace("~", "\\~");
  }
}
