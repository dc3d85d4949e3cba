package org.redditclone.client.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.redditclone.client.metrics.ErrorCounts;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.runfiles.RunColumns;
import org.redditclone.client.runfiles.RunFiles;
import org.redditclone.client.runfiles.RunKeys.Run;

/**
 * Writes self-contained HTML pages: the report of one run ({@code report.html}) and the overlay
 * of two sets of runs for the compare tool. Charts are PNGs inlined as base64, the style and the
 * one script are inline, so a page opens from disk with no network.
 *
 * <p>The inline script marks each {@code <figure>} and its {@code <img>} with {@code
 * data-rendered="true"} once the image has decoded (naturalWidth &gt; 0), and copies any script
 * or resource error into {@code <pre id="errors">}, so a headless browser can check the page.
 */
public final class ReportPage {

  /** The ids of the charts' {@code <img>} elements, in page order. */
  public static final List<String> CHART_IDS = Charts.IDS;

  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;\
      margin:24px auto;max-width:1260px;color:#222;padding:0 12px}
      h1{font-size:1.6em;margin-bottom:.2em} h2{font-size:1.2em;margin-top:1.6em}
      .meta{color:#555} .warn{color:#a40000}
      table{border-collapse:collapse;font-size:13px;margin:8px 0}
      th,td{border:1px solid #ccc;padding:3px 8px;white-space:nowrap}
      th{background:#f3f3f3;text-align:left} td.num,th.num{text-align:right;\
      font-variant-numeric:tabular-nums}
      figure{margin:18px 0;border:1px solid #ddd;padding:8px} figure img{max-width:100%;height:auto}
      figcaption{color:#444;font-size:13px;margin-top:6px}
      pre#errors{color:#a40000;white-space:pre-wrap}
      """;

  private static final String SCRIPT = """
      (function () {
        function report(message) {
          var pre = document.getElementById('errors');
          if (pre) { pre.textContent += message + '\\n'; pre.hidden = false; }
        }
        window.addEventListener('error', function (event) {
          var target = event.target;
          if (target && target.tagName) {
            report('could not load <' + target.tagName.toLowerCase() + '> ' + (target.id || ''));
          } else {
            report('error: ' + event.message + ' at ' + event.filename + ':' + event.lineno);
          }
        }, true);
        function check() {
          var figures = document.querySelectorAll('figure');
          for (var i = 0; i < figures.length; i++) {
            var img = figures[i].querySelector('img');
            var ok = !!img && img.complete && img.naturalWidth > 0;
            figures[i].setAttribute('data-rendered', ok ? 'true' : 'false');
            if (img) { img.setAttribute('data-rendered', ok ? 'true' : 'false'); }
            if (!ok) { report('chart did not render: ' + (img ? img.id : figures[i].id)); }
          }
          document.body.setAttribute('data-checked', 'true');
        }
        window.addEventListener('load', check);
      })();
      """;

  private ReportPage() {}

  /**
   * Writes the report of {@code run} to {@code out} (replaced atomically) and returns it.
   *
   * @throws IOException if a file of the run is malformed or the page cannot be written
   */
  public static Path writeRun(RunDir run, Path out) throws IOException {
    requireNonNull(run, "run");
    requireNonNull(out, "out");
    List<Figure> figures = Charts.all(List.of(new ChartSide("", List.of(run))));
    StringBuilder body = new StringBuilder();
    body.append("<h1>Run ").append(Html.escape(run.name())).append("</h1>\n");
    body.append("<p class=\"meta\">").append(Html.escape(headline(run))).append("</p>\n");
    String consistency = run.config().get(Run.CONSISTENCY.key());
    if (consistency != null && !consistency.equals("PASS")) {
      body.append("<p class=\"warn\">Consistency check: ").append(Html.escape(consistency))
          .append(Html.escape(reason(run))).append("</p>\n");
    }
    body.append("<h2>Summary (merged.csv)</h2>\n").append(mergedTable(run.merged(), "merged"));
    body.append(figuresHtml(figures));
    body.append(configTable(List.of(run)));
    run.errors().ifPresent(errors -> body.append(errorsTable(errors)));
    return write(out, "Run " + run.name(), body.toString());
  }

  /**
   * Writes a comparison page to {@code out}: a title, {@code tableHtml} (trusted HTML written by
   * the caller) and the five charts with side A solid and side B dashed; returns {@code out}.
   */
  public static Path writeComparison(ChartSide a, ChartSide b, String title, String tableHtml,
      Path out) throws IOException {
    requireNonNull(tableHtml, "tableHtml");
    List<Figure> figures = Charts.all(List.of(a, b));
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    body.append(tableHtml);
    body.append(figuresHtml(figures));
    return write(out, title, body.toString());
  }

  /** Returns merged.csv rows as an HTML table, latencies in ms. */
  static String mergedTable(List<SummaryRow> rows, String id) {
    List<String> header = Arrays.asList(RunColumns.header(RunColumns.Summary.values()).split(","));
    List<List<String>> cells = new ArrayList<>();
    for (SummaryRow row : rows) {
      cells.add(Arrays.asList(row.csvLine().split(",", -1)));
    }
    return Html.table(id, header, cells, c -> c > 0);
  }

  private static String headline(RunDir run) {
    Map<String, String> c = run.config();
    List<String> parts = new ArrayList<>();
    for (Run key : List.of(Run.CLIENTS, Run.USERS_TOTAL, Run.DURATION_S, Run.RATE, Run.CLOSED)) {
      if (c.containsKey(key.key())) {
        parts.add(key.key() + "=" + c.get(key.key()));
      }
    }
    run.mergedRow(RunColumns.ALL).ifPresent(all -> parts.add(String.format(java.util.Locale.ROOT,
        "%d calls, %d errors, %.1f calls/s", all.count(), all.errors(), all.throughputPerSecond())));
    return parts.isEmpty() ? run.dir().toString() : String.join(" · ", parts);
  }

  private static String reason(RunDir run) {
    String reason = run.config().get(Run.CONSISTENCY_REASON.key());
    return reason == null ? "" : " (" + reason + ")";
  }

  private static String figuresHtml(List<Figure> figures) {
    StringBuilder html = new StringBuilder("<h2>Charts</h2>\n");
    for (Figure figure : figures) {
      html.append("<figure id=\"fig-").append(figure.id()).append("\">\n<img id=\"")
          .append(figure.id()).append("\" alt=\"").append(Html.escape(figure.caption()))
          .append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(figure.png())).append("\">\n<figcaption>")
          .append(Html.escape(figure.caption())).append("</figcaption>\n</figure>\n");
    }
    return html.toString();
  }

  /** Returns run.properties of {@code runs} side by side. */
  static String configTable(List<RunDir> runs) {
    java.util.TreeSet<String> keys = new java.util.TreeSet<>();
    runs.forEach(run -> keys.addAll(run.config().keySet()));
    if (keys.isEmpty()) {
      return "<h2>Configuration</h2>\n<p class=\"warn\">No run.properties.</p>\n";
    }
    List<String> header = new ArrayList<>(List.of("key"));
    runs.forEach(run -> header.add(run.name()));
    List<List<String>> rows = new ArrayList<>();
    for (String key : keys) {
      List<String> row = new ArrayList<>(List.of(key));
      runs.forEach(run -> row.add(run.config().getOrDefault(key, "")));
      rows.add(row);
    }
    return "<h2>Configuration (run.properties)</h2>\n" + Html.table("config", header, rows, c -> false);
  }

  private static String errorsTable(ErrorCounts errors) {
    List<List<String>> rows = new ArrayList<>();
    errors.snapshot().forEach((key, count) -> rows.add(List.of(
        key.phase().fileName(), key.op().wireName(), key.type(), Long.toString(count))));
    if (rows.isEmpty()) {
      return "<h2>Errors (errors.csv)</h2>\n<p>No failed calls.</p>\n";
    }
    return "<h2>Errors (errors.csv)</h2>\n" + Html.table("errors-table",
        Arrays.asList(RunColumns.header(RunColumns.Errors.values()).split(",")), rows, c -> c == 3);
  }

  private static Path write(Path out, String title, String body) throws IOException {
    String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + Html.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n"
        + "<script>\n" + SCRIPT + "</script>\n</head>\n<body>\n" + body
        + "<pre id=\"errors\" hidden></pre>\n</body>\n</html>\n";
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    RunFiles.writeAtomically(out, page);
    return out;
  }
}
