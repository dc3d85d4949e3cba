package org.redditclone.client.runfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.client.runfiles.RunColumns.Zipf;

final class CsvFileTest {

  /** The columns of zipf.csv that every run's file has. */
  private static final Zipf[] FIRST_FOUR = RunColumns.through(Zipf.values(), Zipf.EXPECTED);

  @TempDir Path dir;

  @Test
  void readsAFileWithColumnsAppendedAfterTheExpectedOnes() throws IOException {
    Path file = dir.resolve("zipf.csv");
    Files.writeString(file, "rank,subreddit,members,expected,posts\n1,a,70,60.000,4\n");
    assertEquals(List.of("1 a 70 60.0"), read(file));
  }

  @Test
  void readsTheExpectedColumnsAlone() throws IOException {
    Path file = dir.resolve("zipf.csv");
    Files.writeString(file, "rank,subreddit,members,expected\n1,a,70,60.000\n");
    assertEquals(List.of("1 a 70 60.0"), read(file));
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

  @Test
  void refusesAFileThatLacksAColumnTheReaderNeeds() throws IOException {
    Path old = dir.resolve("zipf.csv");
    Files.writeString(old, "rank,subreddit,members,expected\n1,a,70,60.000\n");
    IOException e = assertThrows(IOException.class,
        () -> CsvFile.read(old, Zipf.values(), false, row -> row.whole(Zipf.POSTS)));
    assertTrue(e.getMessage().contains("expected '" + RunColumns.header(Zipf.values()) + "'"),
        e.getMessage());
  }

  @Test
  void writesAndReadsEveryColumnOfALine() throws IOException {
    Path file = dir.resolve("zipf.csv");
    String line = CsvFile.line(Zipf.values(), column -> switch (column) {
      case RANK -> 1;
      case SUBREDDIT -> "sim_r00001";
      case MEMBERS -> 70;
      case EXPECTED -> "60.000";
      case POSTS -> 4;
      case EXPONENT -> "1.000";
      case FITTED_EXPONENT -> "0.987";
    });
    Files.writeString(file, CsvFile.headerLine(Zipf.values()) + line + "\n");
    assertEquals(List.of(4L), CsvFile.read(file, Zipf.values(), false, row -> row.whole(Zipf.POSTS)));
    assertEquals(List.of(0.987),
        CsvFile.read(file, Zipf.values(), false, row -> row.number(Zipf.FITTED_EXPONENT)));
    assertEquals(List.of("1 sim_r00001 70 60.0"), read(file));
  }

  private static List<String> read(Path file) throws IOException {
    return CsvFile.read(file, FIRST_FOUR, false, row -> row.whole(Zipf.RANK) + " "
        + row.text(Zipf.SUBREDDIT) + " " + row.whole(Zipf.MEMBERS) + " " + row.number(Zipf.EXPECTED));
  }
}
