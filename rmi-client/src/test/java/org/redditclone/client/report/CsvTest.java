package org.redditclone.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CsvTest {

  @TempDir Path dir;

  @Test
  void readsAFileWithColumnsAppendedAfterTheExpectedOnes() throws IOException {
    Path file = dir.resolve("zipf.csv");
    Files.writeString(file, "rank,subreddit,members,expected,posts\n1,a,70,60.000,4\n");
    List<ZipfRow> rows = read(file);
    assertEquals(List.of(new ZipfRow(1, "a", 70, 60.0)), rows);
  }

  @Test
  void readsTheExpectedColumnsAlone() throws IOException {
    Path file = dir.resolve("zipf.csv");
    Files.writeString(file, "rank,subreddit,members,expected\n1,a,70,60.000\n");
    assertEquals(List.of(new ZipfRow(1, "a", 70, 60.0)), read(file));
  }

  @Test
  void refusesColumnsReorderedOrALineOfTheWrongWidth() throws IOException {
    Path reordered = dir.resolve("reordered.csv");
    Files.writeString(reordered, "rank,members,subreddit,expected\n1,70,a,60.000\n");
    IOException e = assertThrows(IOException.class, () -> read(reordered));
    assertTrue(e.getMessage().endsWith("expected 'rank,subreddit,members,expected'"), e.getMessage());

    Path narrow = dir.resolve("narrow.csv");
    Files.writeString(narrow, "rank,subreddit,members,expected,posts\n1,a,70,60.000\n");
    IOException line = assertThrows(IOException.class, () -> read(narrow));
    assertTrue(line.getMessage().contains("line 2 '1,a,70,60.000': it has 4 fields; expected 5"),
        line.getMessage());
  }

  private static List<ZipfRow> read(Path file) throws IOException {
    return Csv.read(file, ZipfRow.HEADER, f -> new ZipfRow(
        Math.toIntExact(Csv.whole(f[0])), f[1], Csv.whole(f[2]), Csv.number(f[3])));
  }
}
