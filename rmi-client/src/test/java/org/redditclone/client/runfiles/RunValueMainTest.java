package org.redditclone.client.runfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunValueMainTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void aRun() throws IOException {
    PropertiesFile.write(dir.resolve("client-1.properties"), "c1",
        Map.of("steady.cpu.s", "1.250", "status", "finished", "mix", "post=3,vote=1"));
    PropertiesFile.write(dir.resolve("client-2.properties"), "c2", Map.of("steady.cpu.s", "2.500"));
    PropertiesFile.write(dir.resolve("run.properties"), "run",
        Map.of("users.client.2", "30", "consistency", "PASS"));
    Files.writeString(dir.resolve("client-1.csv"), RunColumns.header(RunColumns.Summary.values())
        + "\npost,10,1,2.500,1.000,1.000,1.000,1.000,1.000,1.000\nALL,12,3,3.000,1.000,1.000,1.000,1.000,1.000,1.000\n");
    Files.writeString(dir.resolve("zipf.csv"), RunColumns.header(RunColumns.Zipf.values())
        + "\n1,big,70,60.000,12,1.000,0.980\n");
    Files.createDirectories(dir.resolve("earlier"));
    Files.writeString(dir.resolve("earlier/zipf.csv"), "rank,subreddit,members,expected\n1,old,50,40.000\n");
  }

  private int run(String... args) {
    return RunValueMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void aKeyOfEachFile_oneLineAFile() {
    assertEquals(0, run("--key", "steady.cpu.s", file("client-1.properties"), file("client-2.properties")));
    assertEquals("1.250\n2.500\n", out());
  }

  @Test
  void aValueWithEqualsSignsIsPrintedWhole() {
    assertEquals(0, run("--key", "mix", file("client-1.properties")));
    assertEquals("post=3,vote=1\n", out());
  }

  @Test
  void aKeyOfAFamilyInRunProperties() {
    assertEquals(0, run("--key", "users.client.2", file("run.properties")));
    assertEquals("30\n", out());
  }

  @Test
  void aColumnOfTheSelectedRow() {
    assertEquals(0, run("--column", "throughput_per_s", "--row", "op=ALL", file("client-1.csv")));
    assertEquals("3.000\n", out());
    assertEquals(0, run("--column", "members", "--row", "subreddit=big", file("zipf.csv")));
    assertEquals(0, run("--column", "fitted_exponent", "--row", "rank=1", file("zipf.csv")));
    assertEquals("3.000\n70\n0.980\n", out());
  }

  @Test
  void aFileOfAnEarlierRunHasItsFirstColumns_notTheOnesAppendedSince() {
    assertEquals(0, run("--column", "members", "--row", "rank=1", file("earlier/zipf.csv")));
    assertEquals("50\n", out());
    assertEquals(2, run("--column", "posts", "--row", "rank=1", file("earlier/zipf.csv")));
    assertTrue(err().contains("'posts' is no column of"), err());
  }

  @Test
  void anAbsentKeyFileOrRowIsExit1_namingIt() {
    assertEquals(1, run("--key", "status", file("client-1.properties"), file("client-2.properties")));
    assertEquals("finished\n", out());
    assertTrue(err().contains("client-2.properties has no status"), err());
    assertEquals(1, run("--key", "status", file("client-3.properties")));
    assertTrue(err().contains("no file " + file("client-3.properties")), err());
    assertEquals(1, run("--column", "count", "--row", "op=feed", file("client-1.csv")));
    assertTrue(err().contains("has no row with op=feed"), err());
  }

  @Test
  void aKeyOrColumnTheFileKindLacksIsAUsageError() {
    assertEquals(2, run("--key", "steady.cpu", file("client-1.properties")));
    assertTrue(err().contains("'steady.cpu' is no key of client-1.properties; its keys are client.id,"), err());
    assertEquals(2, run("--column", "p99", "--row", "op=ALL", file("client-1.csv")));
    assertTrue(err().contains("'p99' is no column of"), err());
    assertEquals(2, run("--key", "x", file("notes.properties")));
    assertEquals(2, run("--column", "count", "--row", "ALL", file("client-1.csv")));
    assertEquals(2, run("--key", "status"));
    assertTrue(out().isEmpty());
  }

  @Test
  void theSchemaIsTheDocPage() {
    assertEquals(0, run("--schema"));
    assertEquals(RunSchema.markdown(), out());
  }
}
