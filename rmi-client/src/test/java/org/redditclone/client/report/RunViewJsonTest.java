package org.redditclone.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.client.metrics.SummaryRow;

final class RunViewJsonTest {

  /** Quotes, backslashes, an end of script, controls, separators, non-ASCII, a lone surrogate. */
  static final String NASTY = "a \"quoted\" \\back\\slash</script><!-- & 'x' \n\r\t\b\f \u0001 \u001f"
      + " \u2028\u2029 é ü 中 😀 \ud800 end";

  @Test
  void strings_areEscapedSoTheyReadBackExactly_andNeverEndAnHtmlScript() {
    RunView view = empty(NASTY, Map.of(NASTY, NASTY, "plain", "value"), List.of(NASTY));
    String json = RunViewJson.of(view);

    Map<String, Object> read = Json.object(Json.parse(json));
    assertEquals(NASTY, read.get("runId"));
    assertEquals(NASTY, Json.object(read.get("config")).get(NASTY));
    assertEquals(List.of(NASTY), read.get("notes"));
    for (char raw : new char[] {'<', '>', '&', '\n', '\r', '\t', '\u0001', '\u2028', '\u2029'}) {
      assertEquals(-1, json.indexOf(raw), "raw U+" + Integer.toHexString(raw) + " in " + json);
    }
    assertTrue(json.contains("\\u003c/script\\u003e"), json);
    assertTrue(json.contains("é ü 中 😀"), "other characters are written as they are: " + json);
    assertTrue(json.contains("\\ud800 end"), "a lone surrogate is escaped: " + json);
  }

  @Test
  void notANumber_andInfinities_areNull_wholeNumbersStayExact() {
    SummaryRow none = new SummaryRow("post", 0, 3, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN);
    SummaryRow some = new SummaryRow("ALL", 9_007_199_254_740_991L, 0, Double.POSITIVE_INFINITY,
        2_500_000, 1_000_000, 2_000_000, 3_000_000, 4_000_000, 123_456_789);
    RunView.Second second = new RunView.Second(0, 2, 50, Double.NaN, Double.NEGATIVE_INFINITY, 0.25,
        List.of(7), Map.of("post", new RunView.OpSecond(1, 0, 1.5, Double.NaN, 2, 3, 4)));
    RunView view = new RunView("r", "measuring", 1_700_000_000_123L, -1, -1, Map.of(), List.of(),
        List.of(second), List.of(none, some), Map.of("post", new double[] {1, Double.NaN}),
        List.of(), List.of(), List.of());

    Map<String, Object> read = Json.object(Json.parse(RunViewJson.of(view)));
    assertEquals(1.700000000123e12, read.get("nowEpochMillis"));
    Map<String, Object> noCalls = Json.object(Json.array(read.get("summary")).get(0));
    for (String field : List.of("throughputPerSecond", "meanMillis", "p50Millis", "p999Millis", "maxMillis")) {
      assertTrue(noCalls.containsKey(field), field);
      assertNull(noCalls.get(field), field);
    }
    Map<String, Object> all = Json.object(Json.array(read.get("summary")).get(1));
    assertNull(all.get("throughputPerSecond"));
    assertEquals(2.5, all.get("meanMillis"));
    assertEquals(123.457, all.get("maxMillis"), "latencies to the microsecond");
    assertTrue(RunViewJson.of(view).contains("\"count\":9007199254740991"), "longs are exact");
    Map<String, Object> s = Json.object(Json.array(read.get("seconds")).get(0));
    assertNull(s.get("engineGcMillis"));
    assertNull(s.get("engineCpuPercent"));
    assertEquals(0.25, s.get("lagP99Millis"));
    assertEquals(List.of(7.0), s.get("laggingClients"));
    Map<String, Object> post = Json.object(Json.object(s.get("ops")).get("post"));
    assertNull(post.get("p90Millis"));
    assertEquals(1.5, post.get("p50Millis"));
    assertEquals(java.util.Arrays.asList(1.0, null), Json.object(read.get("spectrum")).get("post"));
  }

  @Test
  void anEmptyRun_isValidJsonWithEveryFieldEmpty() {
    Map<String, Object> read = Json.object(Json.parse(RunViewJson.of(empty("empty", Map.of(), List.of()))));
    for (String list : List.of("clients", "seconds", "summary", "zipf", "thresholds", "notes", "errors")) {
      assertEquals(List.of(), read.get(list), list);
    }
    assertEquals(Map.of(), read.get("config"));
    assertEquals(Map.of(), read.get("spectrum"));
    assertEquals(RunView.PERCENTILES.length, Json.array(read.get("percentiles")).size());
    assertNull(Json.object(read.get("zipfFit")).get("exponent"));
    assertEquals(-1.0, read.get("windowStartEpochMillis"));
  }

  @Test
  void operations_areInTheOrderOfMergedCsv_allLast_whateverTheMapsOrder() {
    Map<String, double[]> spectrum = new LinkedHashMap<>();
    for (String op : List.of("ALL", "vote_post", "zzz_new", "post", "feed")) {
      spectrum.put(op, new double[] {1});
    }
    RunView view = new RunView("r", "finished", 0, 0, 0, Map.of("b", "2", "a", "1"), List.of(),
        List.of(), List.of(), spectrum, List.of(), List.of(), List.of());
    Map<String, Object> read = Json.object(Json.parse(RunViewJson.of(view)));
    assertEquals(List.of("post", "vote_post", "feed", "zzz_new", "ALL"),
        List.copyOf(Json.object(read.get("spectrum")).keySet()));
    assertEquals(List.of("a", "b"), List.copyOf(Json.object(read.get("config")).keySet()));
  }

  @Test
  void theViewOfARunFolder_readsBackWithItsFigures(@TempDir Path tmp) throws Exception {
    RunView view = FolderView.read(SyntheticRun.create().write(tmp.resolve("run-1")));
    Map<String, Object> read = Json.object(Json.parse(RunViewJson.of(view)));
    assertEquals("run-1", read.get("runId"));
    assertEquals(20, Json.array(read.get("seconds")).size());
    assertEquals(30, Json.array(read.get("zipf")).size());
    double exponent = (Double) Json.object(read.get("zipfFit")).get("exponent");
    assertEquals(view.zipfFit().exponent(), exponent, 1e-12);
    assertFalse(Json.array(read.get("errors")).isEmpty());
  }

  @Test
  void sides_labelEachView() {
    String json = RunViewJson.sides(List.of(
        new RunViewJson.Labelled("A", empty("a", Map.of(), List.of())),
        new RunViewJson.Labelled("B", empty("b", Map.of(), List.of()))));
    List<Object> sides = Json.array(Json.object(Json.parse(json)).get("sides"));
    assertEquals("A", Json.object(sides.get(0)).get("label"));
    assertEquals("b", Json.object(Json.object(sides.get(1)).get("view")).get("runId"));
  }

  @ParameterizedTest
  @CsvSource({"2.0971514, 2.097", "0.0004, 0", "-0.0004, 0", "-1.5, -1.5", "1234.5, 1234.5",
      "0.05, 0.05", "0.0996, 0.1", "7, 7", "1e20, 1.0E20", "NaN, null", "Infinity, null"})
  void decimals_haveThreeDecimalsAtMost_andNoTrailingZeros(double value, String written) {
    StringBuilder out = new StringBuilder();
    new JsonWriter(out).beginArray().decimal(value).endArray();
    assertEquals("[" + written + "]", out.toString());
    Json.parse(out.toString());
  }

  @Test
  void fromASecond_onlyThatSecondAndLaterAreWritten_andTheJsonSaysFromWhich() {
    List<RunView.Second> seconds = new java.util.ArrayList<>();
    for (int s = 0; s < 5; s++) {
      seconds.add(new RunView.Second(s, 1, 10, 0, 0, 0, List.of(), Map.of()));
    }
    RunView view = new RunView("r", "measuring", 0, 0, 0, Map.of(), List.of(), seconds, List.of(),
        Map.of(), List.of(), List.of(), List.of());
    Map<String, Object> read = Json.object(Json.parse(RunViewJson.of(view, 3)));
    assertEquals(3.0, read.get("secondsFrom"));
    assertEquals(List.of(3.0, 4.0), Json.array(read.get("seconds")).stream()
        .map(s -> Json.object(s).get("second")).toList());
    assertEquals(0.0, Json.object(Json.parse(RunViewJson.of(view))).get("secondsFrom"));
  }

  static RunView empty(String runId, Map<String, String> config, List<String> notes) {
    return new RunView(runId, "setting-up", 0, -1, -1, config, List.of(), List.of(), List.of(),
        Map.of(), List.of(), List.of(), notes);
  }
}
