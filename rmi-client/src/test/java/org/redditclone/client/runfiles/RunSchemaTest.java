package org.redditclone.client.runfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.client.runfiles.RunColumns.Column;
import org.redditclone.client.runfiles.RunKeys.Key;

final class RunSchemaTest {

  @TempDir Path dir;

  @Test
  void theDocsAreTheSchema() throws IOException {
    Path docs = Path.of("..", "docs", "RUN-FILES.md");
    assertEquals(RunSchema.markdown(), Files.readString(docs, StandardCharsets.UTF_8),
        "docs/RUN-FILES.md differs from the schema in code; regenerate it with RunValueMain --schema");
  }

  @Test
  void theHeadersAreTheContract() {
    assertEquals("op,count,errors,throughput_per_s,mean_ms,p50_ms,p90_ms,p99_ms,p999_ms,max_ms",
        RunColumns.header(RunColumns.Summary.values()));
    // The columns every run has, then those appended with the run coordinator.
    assertEquals("second,op,count,errors,p50_ms,p99_ms,users_online,clients,engine_gc_ms,engine_cpu_pct,lag_p99_ms",
        RunColumns.header(RunColumns.Timeline.values()));
    assertEquals("phase,op,error_type,count", RunColumns.header(RunColumns.Errors.values()));
    assertEquals("epoch_ms,online,lag_p99_ms", RunColumns.header(RunColumns.Online.values()));
    assertEquals("epoch_ms,gc_count,gc_ms,cpu_pct", RunColumns.header(RunColumns.Engine.values()));
    assertEquals("rank,subreddit,members,expected,posts,exponent,fitted_exponent",
        RunColumns.header(RunColumns.Zipf.values()));
  }

  @Test
  void everyKeyIsWrittenOnceAndMeansSomething() {
    for (Key[] keys : List.<Key[]>of(RunKeys.Client.values(), RunKeys.Run.values(), RunKeys.Baseline.values())) {
      Set<String> seen = new HashSet<>();
      for (Key key : keys) {
        assertTrue(seen.add(key.pattern()), "twice: " + key.pattern());
        assertTrue(key.meaning().length() > 3, key.pattern());
      }
    }
    for (Column[] columns : RunColumns.kinds()) {
      Arrays.stream(columns).forEach(c -> assertTrue(c.meaning().length() > 3, c.header()));
    }
  }

  @Test
  void propertiesRoundTrip_everyKeyOfEveryFile() throws IOException {
    for (Key[] keys : List.<Key[]>of(RunKeys.Client.values(), RunKeys.Run.values(), RunKeys.Baseline.values())) {
      Map<String, String> written = new LinkedHashMap<>();
      for (Key key : keys) {
        String name = key instanceof RunKeys.Run run && !run.pattern().equals(run.key()) ? run.key(7) : key.key();
        written.put(name, "value of " + key.pattern() + " = ü, #1");
      }
      Path file = dir.resolve(keys[0].getClass().getSimpleName() + ".properties");
      PropertiesFile.write(file, "schema", written);
      Map<String, String> read = PropertiesFile.read(file);
      assertEquals(new TreeMap<>(written), read);
      for (Key key : keys) {
        if (key.pattern().equals(key.key())) {
          assertEquals("value of " + key.key() + " = ü, #1", read.get(key.key()));
        }
      }
    }
  }

  @Test
  void csvRoundTrip_everyColumnOfEveryFile() throws IOException {
    for (Column[] columns : RunColumns.kinds()) {
      Path file = dir.resolve(columns[0].getClass().getSimpleName() + ".csv");
      StringBuilder text = new StringBuilder(CsvFile.headerLine(columns));
      for (int line = 0; line < 3; line++) {
        int n = line;
        text.append(CsvFile.line(columns, column -> column.header() + "-" + n)).append('\n');
      }
      Files.writeString(file, text);
      List<String> read = CsvFile.read(file, columns, false, row -> {
        List<String> fields = new ArrayList<>();
        Arrays.stream(columns).forEach(c -> fields.add(row.text(c)));
        return String.join("|", fields);
      });
      assertEquals(3, read.size());
      assertEquals(columns[columns.length - 1].header() + "-2", read.get(2).substring(read.get(2).lastIndexOf('|') + 1));
      assertTrue(read.get(0).startsWith(columns[0].header() + "-0|"), read.get(0));
    }
  }

  @Test
  void aFieldWithACommaIsRefused_namingTheColumn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvFile.line(
        RunColumns.Zipf.values(), column -> column == RunColumns.Zipf.SUBREDDIT ? "a,b" : "1"));
    assertTrue(e.getMessage().startsWith("subreddit 'a,b'"), e.getMessage());
  }

  @Test
  void aWrongHeaderOrAShortLineIsAnErrorNamingFileAndLine() throws IOException {
    Path wrong = Files.writeString(dir.resolve("merged.csv"), "op,count\nALL,1\n");
    IOException header = assertThrows(IOException.class,
        () -> CsvFile.read(wrong, RunColumns.Summary.values(), false, row -> row));
    assertTrue(header.getMessage().contains("expected 'op,count,errors"), header.getMessage());
    Path shortLine = Files.writeString(dir.resolve("zipf.csv"),
        RunColumns.header(RunColumns.Zipf.values()) + "\n1,a,3\n");
    IOException line = assertThrows(IOException.class,
        () -> CsvFile.read(shortLine, RunColumns.Zipf.values(), false, row -> row));
    assertTrue(line.getMessage().contains("line 2 '1,a,3': it has 3 fields; expected 7"), line.getMessage());
    assertEquals(List.of(), CsvFile.read(shortLine, RunColumns.Zipf.values(), true, row -> row),
        "a torn last line is skipped where the file may still be growing");
  }

  @Test
  void familiesOfRunKeys() {
    assertEquals("users.client.3", RunKeys.Run.USERS_CLIENT.key(3));
    assertEquals("users.client.<K>", RunKeys.Run.USERS_CLIENT.pattern());
    assertTrue(RunKeys.Run.CONSISTENCY_ITEM.matches("consistency.votes"));
    assertTrue(!RunKeys.Run.CONSISTENCY.matches("consistency.votes"));
    assertThrows(IllegalStateException.class, () -> RunKeys.Run.CLIENTS.key(1));
    assertEquals(RunKeys.Client.ACKED_VOTES, RunKeys.Client.acked("votes"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RunKeys.Client.acked("karma"));
    assertTrue(e.getMessage().contains("'acked.karma' is no key of Client"), e.getMessage());
  }
}
