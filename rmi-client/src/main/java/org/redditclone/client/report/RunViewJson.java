package org.redditclone.client.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.metrics.ZipfFit;

/**
 * Writes a {@link RunView} as the JSON the run page reads: an object per record, named by its
 * components, with these changes: latencies, percentages and rates rounded to 3 decimals (as the
 * run's CSV files hold them); summary latencies in milliseconds ({@code p99Millis}, not {@code
 * p99Nanos}); {@code percentiles}, the percentiles of {@code spectrum}; {@code zipfFit},
 * the law fitted to {@code zipf}; {@code secondsFrom}, the first second written (0: all of them);
 * maps of operations in the order of merged.csv, ALL last, and
 * the configuration sorted by key. NaN is {@code null}.
 */
public final class RunViewJson {

  private static final double NANOS_PER_MILLI = 1_000_000.0;

  private RunViewJson() {}

  /** Returns the JSON of {@code view}. */
  public static String of(RunView view) {
    return of(view, 0);
  }

  /**
   * Returns the JSON of {@code view} with only its seconds from {@code fromSecond} on, and {@code
   * secondsFrom} saying so: what a live page that already holds the earlier seconds asks for.
   */
  public static String of(RunView view, long fromSecond) {
    StringBuilder out = new StringBuilder(4096 + view.seconds().size() * 1024);
    write(new JsonWriter(out), view, fromSecond);
    return out.toString();
  }

  /**
   * A view shown beside others, e.g. side A of a comparison.
   *
   * @param label what names its series, e.g. {@code A}
   * @param view the view
   */
  public record Labelled(String label, RunView view) {

    public Labelled {
      requireNonNull(label, "label");
      requireNonNull(view, "view");
    }
  }

  /**
   * Returns the JSON of several views shown together (a comparison): {@code {"sides": [{"label":
   * "A", "view": {...}}, ...]}}.
   */
  public static String sides(List<Labelled> sides) {
    StringBuilder out = new StringBuilder();
    JsonWriter json = new JsonWriter(out).beginObject().name("sides").beginArray();
    for (Labelled side : sides) {
      json.beginObject().name("label").value(side.label()).name("view");
      write(json, side.view(), 0);
      json.endObject();
    }
    json.endArray().endObject();
    return out.toString();
  }

  private static void write(JsonWriter json, RunView view, long fromSecond) {
    requireNonNull(view, "view");
    json.beginObject()
        .name("runId").value(view.runId())
        .name("state").value(view.state())
        .name("nowEpochMillis").value(view.nowEpochMillis())
        .name("windowStartEpochMillis").value(view.windowStartEpochMillis())
        .name("windowEndEpochMillis").value(view.windowEndEpochMillis());
    json.name("config").beginObject();
    new TreeMap<>(view.config()).forEach((key, value) -> json.name(key).value(value));
    json.endObject();
    json.name("clients").beginArray();
    for (RunView.Client c : view.clients()) {
      json.beginObject().name("id").value(c.id()).name("host").value(c.host())
          .name("state").value(c.state()).name("users").value(c.users())
          .name("firstSecond").value(c.firstSecond()).name("lastSecond").value(c.lastSecond())
          .endObject();
    }
    json.endArray();
    json.name("secondsFrom").value(fromSecond);
    json.name("seconds").beginArray();
    view.seconds().stream().filter(s -> s.second() >= fromSecond).forEach(s -> second(json, s));
    json.endArray();
    json.name("summary").beginArray();
    view.summary().forEach(row -> summary(json, row));
    json.endArray();
    json.name("percentiles").decimals(RunView.PERCENTILES);
    json.name("spectrum").beginObject();
    OpOrder.sorted(view.spectrum()).forEach((op, millis) -> json.name(op).decimals(millis));
    json.endObject();
    json.name("zipf").beginArray();
    for (ZipfRow row : view.zipf()) {
      json.beginObject().name("rank").value(row.rank()).name("subreddit").value(row.subreddit())
          .name("members").value(row.members()).name("expected").decimal(row.expected())
          .endObject();
    }
    json.endArray();
    ZipfFit fit = view.zipfFit();
    json.name("zipfFit").beginObject().name("exponent").value(fit.exponent())
        .name("scale").value(fit.scale()).name("points").value(fit.points()).endObject();
    json.name("thresholds").beginArray();
    for (RunView.Threshold t : view.thresholds()) {
      json.beginObject().name("expression").value(t.expression()).name("state").value(t.state())
          .name("measured").value(t.measured()).endObject();
    }
    json.endArray();
    json.name("notes").beginArray();
    view.notes().forEach(json::value);
    json.endArray();
    json.name("errors").beginArray();
    for (RunView.ErrorCount e : view.errors()) {
      json.beginObject().name("phase").value(e.phase()).name("op").value(e.op())
          .name("type").value(e.type()).name("count").value(e.count()).endObject();
    }
    json.endArray();
    json.endObject();
  }

  private static void second(JsonWriter json, RunView.Second s) {
    json.beginObject().name("second").value(s.second()).name("clients").value(s.clients())
        .name("usersOnline").value(s.usersOnline())
        .name("engineGcMillis").decimal(s.engineGcMillis())
        .name("engineCpuPercent").decimal(s.engineCpuPercent())
        .name("lagP99Millis").decimal(s.lagP99Millis());
    json.name("laggingClients").beginArray();
    s.laggingClients().forEach(id -> json.value(id.longValue()));
    json.endArray();
    json.name("ops").beginObject();
    OpOrder.sorted(s.ops()).forEach((op, o) -> json.name(op).beginObject()
        .name("count").value(o.count()).name("errors").value(o.errors())
        .name("p50Millis").decimal(o.p50Millis()).name("p90Millis").decimal(o.p90Millis())
        .name("p99Millis").decimal(o.p99Millis()).name("p999Millis").decimal(o.p999Millis())
        .name("maxMillis").decimal(o.maxMillis()).endObject());
    json.endObject().endObject();
  }

  private static void summary(JsonWriter json, SummaryRow row) {
    json.beginObject().name("op").value(row.op()).name("count").value(row.count())
        .name("errors").value(row.errors())
        .name("throughputPerSecond").decimal(row.throughputPerSecond())
        .name("meanMillis").decimal(row.meanNanos() / NANOS_PER_MILLI)
        .name("p50Millis").decimal(row.p50Nanos() / NANOS_PER_MILLI)
        .name("p90Millis").decimal(row.p90Nanos() / NANOS_PER_MILLI)
        .name("p99Millis").decimal(row.p99Nanos() / NANOS_PER_MILLI)
        .name("p999Millis").decimal(row.p999Nanos() / NANOS_PER_MILLI)
        .name("maxMillis").decimal(row.maxNanos() / NANOS_PER_MILLI)
        .endObject();
  }
}
