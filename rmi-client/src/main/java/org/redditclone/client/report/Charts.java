package org.redditclone.client.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.metrics.ZipfFit;
import org.redditclone.client.runfiles.RunColumns;
import org.redditclone.client.runfiles.RunKeys.Run;

/**
 * Draws the five charts of a report, one side (a run) or two overlaid (A solid, B dashed), as
 * PNGs with XChart. Needs {@code java.awt.headless=true} on a machine without a display.
 */
final class Charts {

  static final String THROUGHPUT = "chart-throughput";
  static final String LATENCY = "chart-latency";
  static final String SPECTRUM = "chart-spectrum";
  static final String ONLINE = "chart-online";
  static final String ZIPF = "chart-zipf";

  /** The ids of every chart, in page order. */
  static final List<String> IDS = List.of(THROUGHPUT, LATENCY, SPECTRUM, ONLINE, ZIPF);

  /** How far the spectrum goes: 4 decades of 1/(1-p), i.e. 99.99%. */
  static final int SPECTRUM_DECADES = 4;

  private static final int STEPS_PER_DECADE = 25;

  /** How many of the busiest operations the latency chart of one run shows besides ALL. */
  static final int LATENCY_OPS = 5;

  private static final int WIDTH = 1200;
  private static final int HEIGHT = 560;
  private static final double NANOS_PER_MILLI = 1_000_000.0;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf), new Color(0x393b79), new Color(0xad494a),
    new Color(0x637939), new Color(0x8ca252), new Color(0xe7969c), new Color(0x7b4173),
    new Color(0xa55194), new Color(0x3182bd), new Color(0xe6550d), new Color(0x31a354),
    new Color(0x756bb1), new Color(0x636363)
  };
  private static final Color[] SIDE_COLORS = {new Color(0x1f77b4), new Color(0xd62728)};

  private Charts() {}

  /** Returns the five figures for {@code sides} (one for a report, two for a comparison). */
  static List<Figure> all(List<ChartSide> sides) throws IOException {
    List<Figure> figures = new ArrayList<>();
    figures.add(throughput(sides));
    figures.add(latency(sides));
    figures.add(spectrum(sides));
    figures.add(online(sides));
    figures.add(zipf(sides));
    return figures;
  }

  /** Returns the successful calls per second of every operation and of ALL. */
  static Figure throughput(List<ChartSide> sides) {
    XYChart chart = chart("Throughput per operation", "second of the run", "successful calls/s");
    List<String> ops = timelineOps(sides);
    for (int s = 0; s < sides.size(); s++) {
      ChartSide side = sides.get(s);
      for (int o = 0; o < ops.size(); o++) {
        String op = ops.get(o);
        List<TimelineRow> rows = side.first().timeline(op);
        XYSeries series = line(chart, side.series(op), rows, TimelineRow::count, false);
        style(series, op.equals(RunColumns.ALL) ? Color.BLACK : PALETTE[o % PALETTE.length], s,
            op.equals(RunColumns.ALL) ? 2.5f : 1.4f);
      }
    }
    return figure(THROUGHPUT, chart, sides, "Successful calls per second of each operation and of"
        + " all together (ALL, black), from timeline.csv.");
  }

  /** Returns p50 (solid) and p99 (dashed) per second: ALL and the busiest operations. */
  static Figure latency(List<ChartSide> sides) {
    XYChart chart = chart("Latency over time: p50 and p99", "second of the run", "latency (ms)");
    chart.getStyler().setYAxisLogarithmic(true);
    boolean overlay = sides.size() > 1;
    List<String> ops = new ArrayList<>();
    ops.add(RunColumns.ALL);
    if (!overlay) {
      sides.get(0).first().merged().stream()
          .filter(row -> !row.op().equals(RunColumns.ALL) && row.count() > 0)
          .sorted((a, b) -> Long.compare(b.count(), a.count()))
          .limit(LATENCY_OPS)
          .forEach(row -> ops.add(row.op()));
    }
    for (int s = 0; s < sides.size(); s++) {
      ChartSide side = sides.get(s);
      for (int o = 0; o < ops.size(); o++) {
        String op = ops.get(o);
        List<TimelineRow> rows = side.first().timeline(op);
        Color color = overlay ? SIDE_COLORS[s % 2] : o == 0 ? Color.BLACK : PALETTE[(o - 1) % PALETTE.length];
        style(line(chart, side.series(op + " p50"), rows, TimelineRow::p50Millis, true), color, 0, 1.6f);
        style(line(chart, side.series(op + " p99"), rows, TimelineRow::p99Millis, true), color, 1, 1.6f);
      }
    }
    String which = overlay
        ? "all operations together (ALL), side A blue, side B red"
        : "all operations together (ALL, black) and the " + LATENCY_OPS + " busiest operations";
    return figure(LATENCY, chart, sides, "Median (solid) and 99th percentile (dashed) latency of "
        + "the successful calls in each second, " + which + "; log scale, from timeline.csv.");
  }

  /** Returns latency by percentile, x = 1/(1-p) on a log scale, from the summed hlogs. */
  static Figure spectrum(List<ChartSide> sides) throws IOException {
    XYChart chart = chart("Latency by percentile", "percentile", "latency (ms)");
    // XChart's log axis ignores a tick label function, so x is drawn as log10(1/(1-p)) on a
    // linear axis from 0 to 4 and only the whole numbers (the decades) are labelled.
    chart.getStyler().setYAxisLogarithmic(true).setXAxisMin(0.0).setXAxisMax((double) SPECTRUM_DECADES);
    chart.getStyler().setxAxisTickLabelsFormattingFunction(Charts::percentileLabel);
    Set<String> ops = new LinkedHashSet<>();
    for (ChartSide side : sides) {
      for (RunDir run : side.runs()) {
        ops.addAll(run.histograms().ops());
      }
    }
    List<String> order = orderedOps(ops);
    int drawn = 0;
    for (int s = 0; s < sides.size(); s++) {
      ChartSide side = sides.get(s);
      for (int o = 0; o < order.size(); o++) {
        String op = order.get(o);
        Histogram sum = Latencies.newHistogram();
        for (RunDir run : side.runs()) {
          Histogram h = run.histograms().total(op);
          if (h != null) {
            sum.add(h);
          }
        }
        if (sum.getTotalCount() == 0) {
          continue;
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int k = 0; k <= SPECTRUM_DECADES * STEPS_PER_DECADE; k++) {
          double decades = (double) k / STEPS_PER_DECADE;
          x.add(decades);
          y.add(Math.max(sum.getValueAtPercentile(100.0 * (1 - Math.pow(10, -decades))), 1)
              / NANOS_PER_MILLI);
        }
        XYSeries series = chart.addSeries(side.series(op), x, y);
        style(series, op.equals(RunColumns.ALL) ? Color.BLACK : PALETTE[o % PALETTE.length], s,
            op.equals(RunColumns.ALL) ? 2.5f : 1.4f);
        drawn++;
      }
    }
    if (drawn == 0) {
      return placeholder(SPECTRUM, "No interval logs (client-K.hlog) with successful calls.");
    }
    return figure(SPECTRUM, chart, sides, "Latency of the successful calls by percentile, per "
        + "operation and ALL (black), from the summed interval logs of all clients"
        + (sides.stream().anyMatch(side -> side.runs().size() > 1) ? " and runs" : "")
        + "; x is 1/(1-p) on a log scale (90%, 99%, 99.9%, 99.99%), y on a log scale.");
  }

  /** Returns the users online over all clients, per second. */
  static Figure online(List<ChartSide> sides) {
    XYChart chart = chart("Users online", "second of the run", "users online");
    for (int s = 0; s < sides.size(); s++) {
      ChartSide side = sides.get(s);
      List<TimelineRow> rows = side.first().timeline(RunColumns.ALL);
      style(line(chart, side.series("online"), rows, TimelineRow::usersOnline, false),
          SIDE_COLORS[s % 2], s, 2f);
    }
    return figure(ONLINE, chart, sides,
        "Simulated users online, summed over all clients, per second; from timeline.csv.");
  }

  /** Returns members by rank on log-log axes with the fitted Zipf law. */
  static Figure zipf(List<ChartSide> sides) {
    XYChart chart = chart("Subreddit members by rank", "rank", "members");
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
    StringBuilder fits = new StringBuilder();
    int drawn = 0;
    for (int s = 0; s < sides.size(); s++) {
      ChartSide side = sides.get(s);
      List<ZipfRow> rows = side.first().zipf().stream().filter(r -> r.members() > 0).toList();
      if (rows.isEmpty()) {
        continue;
      }
      Color color = SIDE_COLORS[s % 2];
      XYSeries members = chart.addSeries(side.series("members"),
          rows.stream().map(r -> (double) r.rank()).toList(),
          rows.stream().map(r -> (double) r.members()).toList());
      members.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      members.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(color);
      ZipfFit fit = ZipfFit.of(membersByRank(side.first().zipf()));
      if (fit.points() >= 2) {
        double last = rows.get(rows.size() - 1).rank();
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int k = 0; k <= 40; k++) {
          double rank = Math.pow(last, k / 40.0);
          x.add(rank);
          y.add(fit.members(rank));
        }
        String name = String.format(Locale.ROOT, "fit s=%.3f", fit.exponent());
        style(chart.addSeries(side.series(name), x, y), color, 0, 2f);
        fits.append(side.label().isEmpty() ? "" : side.label() + ": ")
            .append(String.format(Locale.ROOT, "fitted s = %.3f over the top %d ranks",
                fit.exponent(), fit.points()))
            .append(configured(side.first(), fit))
            .append("; ");
      }
      drawn++;
    }
    if (drawn == 0) {
      return placeholder(ZIPF, "No zipf.csv with members in this run.");
    }
    return figure(ZIPF, chart, sides, "Members of the most joined subreddits by rank (dots) on "
        + "log-log axes, with the Zipf law fitted by least squares on log-log (line): "
        + fits.toString().replaceAll("; $", "") + ".");
  }

  /**
   * Returns the label of {@code decades} = log10(1/(1-p)) on the spectrum's axis: 1 is 90%, 3 is
   * 99.9%; empty between whole decades.
   */
  static String percentileLabel(double decades) {
    long whole = Math.round(decades);
    if (Math.abs(decades - whole) > 1e-9 || whole < 0) {
      return "";
    }
    if (whole == 0) {
      return "0%";
    }
    BigDecimal percent = BigDecimal.valueOf(100).subtract(BigDecimal.ONE.movePointLeft((int) whole - 2));
    return percent.stripTrailingZeros().toPlainString() + "%";
  }

  /** Returns the members of zipf.csv's rows by rank, index 0 for rank 1. */
  private static long[] membersByRank(List<ZipfRow> rows) {
    long[] members = new long[rows.stream().mapToInt(ZipfRow::rank).max().orElse(0)];
    for (ZipfRow row : rows) {
      members[row.rank() - 1] = row.members();
    }
    return members;
  }

  /** Returns the configured exponent next to the fit, flagged if the fit strays from it. */
  private static String configured(RunDir run, ZipfFit fit) {
    String s = run.config().get(Run.ZIPF_EXPONENT.key());
    if (s == null) {
      return "";
    }
    String text = " (configured s = " + s;
    try {
      if (fit.driftsFrom(Double.parseDouble(s))) {
        text += String.format(Locale.ROOT, "; drifted more than %.2f", ZipfFit.DRIFT_LIMIT);
      }
    } catch (NumberFormatException e) {
      // several runs with different exponents ("0.8,1.0"): no single one to compare with
    }
    return text + ")";
  }

  private static List<String> timelineOps(List<ChartSide> sides) {
    Set<String> ops = new LinkedHashSet<>();
    for (ChartSide side : sides) {
      side.first().timeline().forEach(row -> ops.add(row.op()));
    }
    return orderedOps(ops);
  }

  /** Returns {@code ops} in the order of merged.csv: operations, then ALL last. */
  private static List<String> orderedOps(Set<String> ops) {
    List<String> order = new ArrayList<>();
    for (Op op : Op.values()) {
      if (ops.contains(op.wireName())) {
        order.add(op.wireName());
      }
    }
    ops.stream().filter(op -> !order.contains(op) && !op.equals(RunColumns.ALL)).forEach(order::add);
    if (ops.contains(RunColumns.ALL)) {
      order.add(RunColumns.ALL);
    }
    return order;
  }

  private static XYChart chart(String title, String xTitle, String yTitle) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    chart.getStyler()
        .setLegendPosition(Styler.LegendPosition.OutsideE)
        .setChartBackgroundColor(Color.WHITE)
        .setPlotBackgroundColor(Color.WHITE)
        .setPlotBorderVisible(true)
        .setMarkerSize(6)
        .setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    return chart;
  }

  /** Adds a line of {@code rows}, leaving out seconds without a value (and non-positive ones on a log axis). */
  private static XYSeries line(XYChart chart, String name, List<TimelineRow> rows,
      ToDoubleFunction<TimelineRow> value, boolean positiveOnly) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (TimelineRow row : rows) {
      double v = value.applyAsDouble(row);
      if (Double.isFinite(v) && (!positiveOnly || v > 0)) {
        x.add((double) row.second());
        y.add(v);
      }
    }
    if (x.isEmpty()) {
      // XChart needs one point; a value that is NaN draws nothing.
      x.add(0.0);
      y.add(positiveOnly ? 1.0 : 0.0);
    }
    return chart.addSeries(name, x, y);
  }

  /** Solid for side 0, dashed for side 1, no markers. */
  private static XYSeries style(XYSeries series, Color color, int dash, float width) {
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(color);
    series.setLineWidth(width);
    series.setLineStyle(dash == 0 ? SeriesLines.SOLID
        : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 4f}, 0f));
    return series;
  }

  private static Figure figure(String id, XYChart chart, List<ChartSide> sides, String caption) {
    String legend = sides.size() > 1 ? " Side A solid, side B dashed." : "";
    try {
      return new Figure(id, caption + legend,
          BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + id + " as PNG", e);
    }
  }

  /** Returns a figure that says why there is no chart, so the page still shows all five. */
  static Figure placeholder(String id, String message) {
    BufferedImage image = new BufferedImage(WIDTH, 120, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setColor(Color.DARK_GRAY);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
      g.drawString(message, 24, 66);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the placeholder of " + id, e);
    }
    return new Figure(id, message, png.toByteArray());
  }
}
