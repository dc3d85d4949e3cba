package org.redditclone.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.EngineStats;
import org.redditclone.api.Subreddit;
import org.redditclone.api.WriteCounts;
import org.redditclone.client.runfiles.RunFiles;

final class MergeMainTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void badUsage_exitsWithTwoAndNamesTheOption() {
    assertEquals(2, run("merge", "--run-dir", dir.toString(), "--registry", "localhost:http"));
    assertTrue(text(err).contains("--registry 'localhost:http' has port 'http'"), text(err));
    assertEquals(2, run("merge", "--registry", "localhost:1099"));
    assertTrue(text(err).contains("--run-dir is missing"), text(err));
    assertEquals(2, run("frobnicate"));
    assertEquals(2, run("merge", "--run-dir", "x", "--registry", "h:1", "--expect-clients", "1,two"));
  }

  @Test
  void help_printsTheUsageAndExitsWithZero() {
    assertEquals(0, run("--help"));
    assertTrue(text(out).startsWith("usage: MergeMain baseline"));
  }

  @Test
  void arguments_acceptExpectedClientsAndEqualsSigns() {
    MergeMain.Arguments args = MergeMain.Arguments.parse(new String[] {
        "merge", "--run-dir=runs/r1", "--registry", "engine:2099", "--expect-clients", "3, 1,2"});
    assertEquals(Path.of("runs/r1"), args.runDir());
    assertEquals("engine", args.registry().host());
    assertEquals(2099, args.registry().port());
    assertEquals(new TreeSet<>(List.of(1, 2, 3)), args.expectedClients());
  }

  @Test
  void baseline_writesTheCountsOnceAndKeepsAnExistingFile() throws Exception {
    LiveEngine engine = new LiveEngine() {
      long posts = 7;

      @Override
      public EngineStats stats() {
        return new EngineStats(1, 0, 2, posts++, 4, 5, 6, 7, 0, Map.of(), 0, 0, 0);
      }

      @Override
      public List<WriteCounts> writeCounts(String prefix) {
        return List.of();
      }

      @Override
      public List<Subreddit> subredditsByMembers(int max) {
        return List.of();
      }

      @Override
      public long posts(String subreddit) {
        return 0;
      }
    };
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    Path runDir = dir.resolve("new-run");
    assertEquals(0, MergeMain.baseline(runDir, engine, print));
    assertEquals(0, MergeMain.baseline(runDir, engine, print));
    Map<String, Long> counts = Baseline.read(runDir.resolve(RunFiles.BASELINE_PROPERTIES));
    assertEquals(7L, counts.get("posts"));
    assertEquals(List.of("users", "subreddits", "posts", "comments", "votes", "messages", "memberships"),
        List.copyOf(counts.keySet()));
    try (var files = Files.list(runDir)) {
      assertEquals(1, files.count()); // no temporary file left behind
    }
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return MergeMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
