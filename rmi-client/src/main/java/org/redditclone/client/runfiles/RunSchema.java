package org.redditclone.client.runfiles;

import java.util.List;
import org.redditclone.client.runfiles.RunColumns.Column;
import org.redditclone.client.runfiles.RunKeys.Key;

/**
 * The layout of a run folder and the schema of every file in it, as one Markdown page: written
 * from {@link RunFiles}, {@link RunKeys} and {@link RunColumns}, so the documentation cannot
 * drift from what the code writes. {@code docs/RUN-FILES.md} is this page ({@code RunValueMain
 * --schema} prints it; a test keeps the two equal).
 */
public final class RunSchema {

  /**
   * One file of a run folder.
   *
   * @param name its name; K is a client's id
   * @param writer who writes it, and when
   * @param holds what it holds
   */
  public record Entry(String name, String writer, String holds) {}

  private static final String UPLOADED = "; with a run coordinator, uploaded through it at the client's end";
  private static final String REBUILT = ", or written by the coordinator from the seconds a lost client reported";
  private static final String MERGE = "the merge: the run coordinator at the end of the run, or `MergeMain merge`";

  /** Every file of a run folder, in the order a run writes them. */
  public static final List<Entry> LAYOUT = List.of(
      new Entry(RunFiles.BASELINE_PROPERTIES, "the run coordinator (or `MergeMain baseline`), before the clients start",
          "the engine's counts then: [baseline.properties](#baselineproperties)"),
      new Entry("client-K.log", "the script that starts client K",
          "its standard output and error, for people"),
      new Entry("client-K.properties", "client K, once set up (`status=running`) and at its end; with a run "
              + "coordinator, uploaded through it each time, and rewritten by it with `status=lost` for a client "
              + "that stopped reporting",
          "its configuration, times, status and what the engine acknowledged: [client-K.properties](#client-kproperties)"),
      new Entry("client-K.setup.hlog", "client K, when its steady phase starts" + UPLOADED,
          "HdrHistogram interval log of the setup (and warm-up): one interval per tag"),
      new Entry("client-K.setup.csv", "client K, when its steady phase starts" + UPLOADED,
          "the summary of its setup: [summary columns](#summaries)"),
      new Entry("client-K.hlog", "client K, every second of its steady phase (appended)" + UPLOADED + REBUILT,
          "HdrHistogram interval log, 1 s intervals, a tag per operation (`post`) and per "
              + "operation's failures (`post.error`); latencies in ns"),
      new Entry("client-K.online.csv", "client K, every second of its steady phase (appended)" + UPLOADED + REBUILT,
          "[its users online and schedule lag](#client-konlinecsv)"),
      new Entry("client-K.csv", "client K, at its end" + UPLOADED, "the summary of its steady phase: [summary columns](#summaries)"),
      new Entry("client-K.errors.csv", "client K, at its end" + UPLOADED, "its failed calls: [error columns](#errors)"),
      new Entry("client-K.users.csv", "client K, at its end" + UPLOADED,
          "what the engine acknowledged to each of its users: [client-K.users.csv](#client-kuserscsv)"),
      new Entry(RunFiles.ENGINE_CSV, "the run coordinator, every second of the window",
          "the engine's GC and CPU: [engine.csv](#enginecsv)"),
      new Entry(RunFiles.MERGED_CSV, MERGE,
          "the steady phase of all clients, percentiles from the merged histograms: [summary columns](#summaries)"),
      new Entry(RunFiles.SETUP_CSV, MERGE, "the setup of all clients: [summary columns](#summaries)"),
      new Entry(RunFiles.TIMELINE_CSV, MERGE, "per second of the steady phase: [timeline.csv](#timelinecsv)"),
      new Entry(RunFiles.ERRORS_CSV, MERGE, "the failed calls of all clients: [error columns](#errors)"),
      new Entry(RunFiles.ZIPF_CSV, MERGE, "the Zipf check: [zipf.csv](#zipfcsv)"),
      new Entry(RunFiles.CONSISTENCY_TXT, MERGE,
          "the consistency check: the `consistency*` lines of run.properties"),
      new Entry(RunFiles.RUN_PROPERTIES, MERGE,
          "the run's configuration, times and checks: [run.properties](#runproperties)"),
      new Entry(RunFiles.THRESHOLDS_TXT, "the run coordinator at the end, when `--threshold` was given",
          "every threshold with its verdict and the measured value: [thresholds.txt](#thresholdstxt)"),
      new Entry(RunFiles.REPORT_HTML, "the run coordinator after the merge, or `ReportMain` (scripts/report.sh)",
          "the run page with the run's data embedded: the live page's charts, self-contained"));

  private RunSchema() {}

  /** Returns the Markdown page. */
  public static String markdown() {
    StringBuilder page = new StringBuilder();
    page.append("# Run files\n\n")
        .append("<!-- Generated from org.redditclone.client.runfiles: after changing it, run\n")
        .append("     java -cp 'rmi-client/target/rmi-client.jar:rmi-client/target/lib/*' \\\n")
        .append("       org.redditclone.client.runfiles.RunValueMain --schema > docs/RUN-FILES.md\n")
        .append("     RunSchemaTest fails while the two differ. -->\n\n")
        .append("Every run writes a folder `runs/<run-id>/`. Every file is UTF-8, written whole and moved\n")
        .append("into place (a reader never sees half a file), readable by all, except the two logs that\n")
        .append("grow during the run, which are appended to. K is a client's id. Scripts read a value by\n")
        .append("its key or column name with `RunValueMain` (below), never by position or from log text.\n\n")
        .append("| file | written by | holds |\n|---|---|---|\n");
    for (Entry entry : LAYOUT) {
      page.append("| `").append(entry.name()).append("` | ").append(entry.writer()).append(" | ")
          .append(entry.holds()).append(" |\n");
    }
    keys(page, "client-K.properties", "Written by the simulator, keys sorted.", RunKeys.Client.values());
    keys(page, "run.properties", "Written by the merge, in this order; K a client's id, ITEM a "
        + "consistency item.", RunKeys.Run.values());
    keys(page, "baseline.properties", "The engine's counters before the clients start.",
        RunKeys.Baseline.values());
    page.append("\nProperties files are read with `java.util.Properties` rules: `\\` escapes, `#` comments.\n");
    columns(page, "Summaries", "client-K.csv, client-K.setup.csv, merged.csv and setup.csv: a row per "
        + "operation that occurred, in a fixed order, then `" + RunColumns.ALL + "`. Latencies are "
        + "milliseconds with three decimals, `NaN` where there were no successful calls. The header, "
        + "the operation names and `" + RunColumns.ALL + "` are a contract.", RunColumns.Summary.values());
    columns(page, "timeline.csv", "Per second of the steady phase, a row per operation that had "
        + "calls in the run, then `" + RunColumns.ALL + "`. Files of earlier runs end after `users_online`.",
        RunColumns.Timeline.values());
    columns(page, "Errors", "client-K.errors.csv and errors.csv: sorted by phase, operation and "
        + "type.", RunColumns.Errors.values());
    columns(page, "client-K.online.csv", "One row a second of the steady phase. Files of earlier runs end "
        + "after `online`.", RunColumns.Online.values());
    columns(page, "client-K.users.csv", "A row per user with any count not 0, in the order of the "
        + "users' indexes. The consistency check reads it to name the users whose counts differ "
        + "from the engine's.", RunColumns.Users.values());
    columns(page, "engine.csv", "One row a second of the run coordinator's window: the change of the "
        + "engine's counters (`StatsService`) over the second.", RunColumns.Engine.values());
    columns(page, "zipf.csv", "Every subreddit of the run, most members first. A new column is "
        + "appended, never inserted: files of earlier runs end after `expected`, and readers "
        + "accept columns after those they know.", RunColumns.Zipf.values());
    page.append("\n## thresholds.txt\n\n").append(ThresholdsFile.DESCRIPTION).append("\n\n```\n")
        .append(ThresholdsFile.EXAMPLE).append("```\n");
    page.append("\n## Reading a value\n\n")
        .append("`java -cp 'rmi-client/target/rmi-client.jar:rmi-client/target/lib/*' ")
        .append("org.redditclone.client.runfiles.RunValueMain` (`run_value` of scripts/lib/common.sh):\n\n```\n")
        .append(RunValueMain.USAGE).append("\n```\n");
    return page.toString();
  }

  private static void keys(StringBuilder page, String title, String intro, Key[] keys) {
    page.append("\n## ").append(title).append("\n\n").append(intro).append("\n\n")
        .append("| key | meaning |\n|---|---|\n");
    for (Key key : keys) {
      page.append("| `").append(key.pattern()).append("` | ").append(key.meaning()).append(" |\n");
    }
  }

  private static void columns(StringBuilder page, String title, String intro, Column[] columns) {
    page.append("\n## ").append(title).append("\n\n").append(intro).append("\n\n```\n");
    for (Column column : columns) {
      page.append(column.ordinal() == 0 ? "" : ",").append(column.header());
    }
    page.append("\n```\n\n| column | meaning |\n|---|---|\n");
    for (Column column : columns) {
      page.append("| `").append(column.header()).append("` | ").append(column.meaning()).append(" |\n");
    }
  }
}
