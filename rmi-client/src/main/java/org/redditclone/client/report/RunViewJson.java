package org.redditclone.client.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.metrics.ZipfFit;

/**
 * Writes a {@link RunView} as the JSON the run page reads: an object per record, named by its
 * components, with these changes: summary latencies in milliseconds ({@code p99Millis}, not
 * {@code p99Nanos}); {@code percentiles}, the percentiles of {@code spectrum}; {@code zipfFit},
 * the law fitted to {@code zipf}; maps of operations in the order of merged.csv, ALL last, and
 * the configuration sorted by key. NaN is {@code null}.
 */
public final class RunViewJson {

  private static final double NANOS_PER_MILLI = 1_000_000.0;

  private RunViewJson() {}

  /** Returns the JSON of {@code view}. */
  public static String of(RunView view) {
    StringBuilder out = new StringBuilder(4096 + view.seconds().size() * 1024);
    write(new JsonWriter(out), view);
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
      write(json, side.view());
      json.endObject();
    }
    json.endArray().endObject();
    return out.toString();
  }

  private static void write(JsonWriter json, RunView view) {
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
    json.name("seconds").beginArray();
    view.seconds().forEach(second -> second(json, second));
    json.endArray();
    json.name("summary").beginArray();
    view.summary().forEach(row -> summary(json, row));
    json.endArray();
    json.name("percentiles").values(RunView.PERCENTILES);
    json.name("spectrum").beginObject();
    OpOrder.sorted(view.spectrum()).forEach((op, millis) -> json.name(op).values(millis));
    json.endObject();
    json.name("zipf").beginArray();
    for (ZipfRow row : view.zipf()) {
      json.beginObject().name("rank").value(row.rank()).name("subreddit").value(row.subreddit())
          .name("members").value(row.members()).name("expected").value(row.expected())
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
        .name("engineGcMillis").value(s.engineGcMillis())
        .name("engineCpuPercent").value(s.engineCpuPercent())
        .name("lagP99Millis").value(s.lagP99Millis());
    json.name("laggingClients").beginArray();
    s.laggingClients().forEach(id -> json.value(id.longValue()));
    json.endArray();
    json.name("ops").beginObject();
    OpOrder.sorted(s.ops()).forEach((op, o) -> json.name(op).beginObject()
        .name("count").value(o.count()).name("errors").value(o.errors())
        .name("p50Millis").value(o.p50Millis()).name("p90Millis").value(o.p90Millis())
        .name("p99Millis").value(o.p99Millis()).name("p999Millis").value(o.p999Millis())
        .name("maxMillis").value(o.maxMillis()).endObject());
    json.endObject().endObject();
  }

  private static void summary(JsonWriter json, SummaryRow row) {
    json.beginObject().name("op").value(row.op()).name("count").value(row.count())
        .name("errors").value(row.errors())
        .name("throughputPerSecond").value(row.throughputPerSecond())
        .name("meanMillis").value(row.meanNanos() / NANOS_PER_MILLI)
        .name("p50Millis").value(row.p50Nanos() / NANOS_PER_MILLI)
        .name("p90Millis").value(row.p90Nanos() / NANOS_PER_MILLI)
        .name("p99Millis").value(row.p99Nanos() / NANOS_PER_MILLI)
        .name("p999Millis").value(row.p999Nanos() / NANOS_PER_MILLI)
        .name("maxMillis").value(row.maxNanos() / NANOS_PER_MILLI)
        .endObject();
  }
}
