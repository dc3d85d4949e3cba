package org.redditclone.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.EngineStats;
import org.redditclone.api.Subreddit;
import org.redditclone.api.WriteCounts;
import org.redditclone.client.metrics.AckedWrites;
import org.redditclone.client.metrics.ClientMetrics;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.runfiles.PropertiesFile;
import org.redditclone.client.runfiles.RunColumns;
import org.redditclone.client.runfiles.RunFiles;

final class RunMergerTest {

  private static final long MS = 1_000_000L;

  @TempDir Path dir;

  /** The engine's counts before the run: users, subreddits, posts, comments, votes, messages, memberships. */
  private final long[] before = {5, 1, 7, 0, 0, 2, 1};

  /** The posts the engine holds of client 2's first user (it was acknowledged 3). */
  private long postsOfClient2 = 3;

  /** Posts by a person at the CLI during the run. */
  private long outsidePosts = 1;

  /** Posts client 2's users had made in an earlier run with the same tag, before this one. */
  private long reusedPosts = 0;

  @BeforeEach
  void runTwoClients() throws IOException {
    Baseline.write(dir.resolve(RunFiles.BASELINE_PROPERTIES), Baseline.counts(stats(0)), 0);
    for (int id = 1; id <= 2; id++) {
      try (ClientMetrics metrics = ClientMetrics.create(id, dir)) {
        metrics.recordSuccess(Op.REGISTER, 2 * MS);
        metrics.beginSteadyPhase();
        for (int i = 1; i <= 3; i++) {
          metrics.recordSuccess(Op.POST, i * MS * id);
        }
        metrics.recordError(Op.VOTE_POST, "NotFoundException", MS);
      }
      writeClientProperties(id, "finished");
      Files.writeString(dir.resolve(RunFiles.clientUsersCsv(id)),
          AckedWrites.csv(List.of(firstUser(id, 3), new WriteCounts(prefix(id) + "1", 0, 0, 0, 0, 0, 0))));
    }
  }

  @Test
  void merge_ofAConsistentRunWritesEveryFileAndPasses() throws IOException {
    RunMerger.Outcome outcome = new RunMerger(dir, engine()).merge(new TreeSet<>());

    assertEquals(RunMerger.OK, outcome.exitStatus());
    List<String> merged = Files.readAllLines(dir.resolve(RunFiles.MERGED_CSV));
    assertEquals(RunColumns.header(RunColumns.Summary.values()), merged.get(0));
    assertTrue(merged.get(1).startsWith("post,6,0,"), merged.get(1));
    assertTrue(merged.get(2).startsWith("vote_post,0,2,"), merged.get(2));
    assertTrue(merged.get(3).startsWith("ALL,6,2,"), merged.get(3));
    assertTrue(Files.readAllLines(dir.resolve(RunFiles.SETUP_CSV)).get(1).startsWith("register,2,0,"));
    assertEquals(List.of(RunColumns.header(RunColumns.Errors.values()), "steady,vote_post,NotFoundException,2"),
        Files.readAllLines(dir.resolve(RunFiles.ERRORS_CSV)));
    assertEquals(RunColumns.header(RunColumns.Timeline.values()), Files.readAllLines(dir.resolve(RunFiles.TIMELINE_CSV)).get(0));
    assertEquals(List.of(RunColumns.header(RunColumns.Zipf.values()),
            "1,big,3,2.728,5,1.100,1.585", "2,small,1,1.272,1,1.100,1.585"),
        Files.readAllLines(dir.resolve(RunFiles.ZIPF_CSV)));
    assertEquals("rank,subreddit,members,expected,posts,exponent,fitted_exponent",
        RunColumns.header(RunColumns.Zipf.values())); // the first four as they always were
    assertTrue(Files.readString(dir.resolve(RunFiles.CONSISTENCY_TXT)).contains("consistency=PASS\n"));

    Map<String, String> run = PropertiesFile.read(dir.resolve(RunFiles.RUN_PROPERTIES));
    assertEquals("1,2", run.get("clients"));
    assertEquals("20", run.get("users.total"));
    assertEquals("PASS engine=6 clients=6", run.get("consistency.posts"));
    assertEquals("PASS posts=3 comments=0 votes=2 messages=0 memberships=1 subreddits=1",
        run.get("consistency.client.2"));
    assertEquals("posts=1 comments=0 votes=0 messages=0 memberships=0 subreddits=0",
        run.get("consistency.outside"), "the post of a person whose name starts as client 1's users'");
    assertEquals("PASS", run.get("consistency"));
    assertEquals("1.1", run.get("zipf.exponent"));
    assertEquals("1.585", run.get("zipf.fitted.exponent")); // 3 and 1 members: log2(3)
    assertEquals("2", run.get("zipf.fitted.ranks"));
    assertEquals("DRIFT", run.get("zipf.check"));
    assertEquals("2", run.get("zipf.posts.subreddits"));
    assertEquals(null, run.get("missing.clients"));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SummaryPrinter.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir, outcome);
    List<String> printed = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(dir.resolve(RunFiles.MERGED_CSV).toAbsolutePath().toString(), printed.get(printed.size() - 1));
    assertTrue(printed.contains("consistency=PASS"), printed.toString());
    assertTrue(printed.contains("outside writes during the run: posts=1 comments=0 votes=0 messages=0 "
        + "memberships=0 subreddits=0"), printed.toString());
    assertTrue(printed.contains(
        "DRIFT: fitted exponent 1.585 over the top 2 ranks, configured 1.100 (limit 0.05)"),
        printed.toString());
    assertTrue(printed.contains(
        "posts follow members: not ranked, 2 subreddits with posts are too few"), printed.toString());
  }

  @Test
  void merge_failsNamingTheClientAndTheUserWhenTheEngineHoldsOtherwise() throws IOException {
    postsOfClient2 = 2;
    RunMerger.Outcome outcome = new RunMerger(dir, engine()).merge(new TreeSet<>());
    assertEquals(RunMerger.CONSISTENCY_FAILED, outcome.exitStatus());
    Map<String, String> run = outcome.runProperties();
    assertEquals("FAIL engine=5 clients=6", run.get("consistency.posts"));
    assertEquals("FAIL posts engine=2 acked=3; users u2_tag2_0 (posts engine=2 acked=3)",
        run.get("consistency.client.2"));
    assertTrue(run.get("consistency.client.1").startsWith("PASS "), run.toString());
    assertEquals("FAIL", run.get("consistency"));
  }

  @Test
  void merge_passesWithUsersReusedFromAnEarlierRun_countingOnlyWhatTheyWroteSince() throws IOException {
    writeClientProperties(2, "finished", "before.posts", "4");
    reusedPosts = 4;
    before[2] += reusedPosts; // they were there when the baseline was taken
    Baseline.write(dir.resolve(RunFiles.BASELINE_PROPERTIES), Baseline.counts(stats(0)), 0);
    postsOfClient2 = 3 + 4;
    RunMerger.Outcome outcome = new RunMerger(dir, engine()).merge(new TreeSet<>());
    assertEquals(RunMerger.OK, outcome.exitStatus(), outcome.runProperties().toString());
    assertEquals("PASS engine=6 clients=6", outcome.runProperties().get("consistency.posts"));
    assertTrue(outcome.runProperties().get("consistency.outside").startsWith("posts=1 "));
  }

  @Test
  void merge_checksNothingWhenAnExpectedClientLeftNoReport() throws IOException {
    Files.writeString(dir.resolve("client-3.log"), "Unrecognized VM option 'NoSuchOption'\n");
    RunMerger.Outcome outcome = new RunMerger(dir, engine()).merge(new TreeSet<>(List.of(1, 2, 3)));
    assertEquals(RunMerger.ERROR, outcome.exitStatus());
    assertEquals("3", outcome.runProperties().get("missing.clients"));
    assertEquals("not checked", outcome.runProperties().get("consistency"));
    assertEquals(null, outcome.runProperties().get("consistency.posts"));
    assertTrue(outcome.runProperties().get("consistency.reason").startsWith(
        "client 3 left no client-3.properties (it never finished its setup"),
        outcome.runProperties().toString());
    assertTrue(Files.readString(dir.resolve(RunFiles.CONSISTENCY_TXT)).contains("consistency=not checked\n"));
  }

  @Test
  void merge_leavesOutAClientLostAfterItsSetup_andPassesOnTheOthers() throws IOException {
    writeClientProperties(2, "running"); // written at the end of setup, never replaced
    postsOfClient2 = 1; // what it wrote before it died: neither compared nor outside writes
    RunMerger.Outcome outcome = new RunMerger(dir, engine()).merge(new TreeSet<>());
    assertEquals(RunMerger.OK, outcome.exitStatus(), outcome.runProperties().toString());
    Map<String, String> run = outcome.runProperties();
    assertEquals("2", run.get("missing.clients"));
    assertEquals("PASS", run.get("consistency"));
    assertEquals("not checked (lost) posts=1 comments=0 votes=2 messages=0 memberships=1 subreddits=1",
        run.get("consistency.client.2"));
    assertEquals("PASS engine=3 clients=3", run.get("consistency.posts"));
    assertEquals("posts=1 comments=0 votes=0 messages=0 memberships=0 subreddits=0", run.get("consistency.outside"));
    assertTrue(run.get("consistency.note").startsWith(
        "client 2 was lost during the run (status=running in client-2.properties)"), run.toString());
    assertEquals(null, run.get("consistency.reason"));
  }

  @Test
  void merge_checksNothingWhenEveryClientWasLost() throws IOException {
    writeClientProperties(1, "lost"); // as a run coordinator marks it
    writeClientProperties(2, "running");
    RunMerger.Outcome outcome = new RunMerger(dir, engine()).merge(new TreeSet<>());
    assertEquals(RunMerger.ERROR, outcome.exitStatus());
    assertEquals("not checked", outcome.runProperties().get("consistency"));
    assertTrue(outcome.runProperties().get("consistency.client.1").startsWith("not checked (lost) "));
  }

  @Test
  void merge_failsWhenAClientReportedThatItDidNotFinish() throws IOException {
    writeClientProperties(2, "crashed");
    RunMerger.Outcome outcome = new RunMerger(dir, engine()).merge(new TreeSet<>());
    assertEquals(RunMerger.CONSISTENCY_FAILED, outcome.exitStatus());
    assertEquals("FAIL", outcome.runProperties().get("consistency"));
    assertTrue(outcome.runProperties().get("consistency.reason").contains("client 2 did not finish (status=crashed)"));
  }

  @Test
  void summary_ofARunWhereNoClientRanShowsNoTableOfZeros() throws IOException {
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    Files.writeString(empty.resolve("client-1.log"), "Error: Could not create the Java Virtual Machine.\n");
    RunMerger.Outcome outcome = new RunMerger(empty, engine()).merge(new TreeSet<>(List.of(1)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SummaryPrinter.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), empty, outcome);
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("nothing was measured"), printed);
    assertFalse(printed.contains("ALL"), printed);
    assertTrue(printed.contains("consistency=not checked"), printed);
  }

  @Test
  void merge_withoutABaseline_checksTheRunsOwnWrites_butCannotTellTheOutsideOnes() throws IOException {
    Files.delete(dir.resolve(RunFiles.BASELINE_PROPERTIES));
    RunMerger.Outcome outcome = new RunMerger(dir, engine()).merge(new TreeSet<>());
    assertEquals(RunMerger.OK, outcome.exitStatus());
    assertEquals(null, outcome.runProperties().get("consistency.outside"));
    assertTrue(outcome.runProperties().get("consistency.note").contains("no baseline.properties"));
  }

  @Test
  void merge_stillWritesTheMetricsWhenTheEngineIsGone() throws IOException {
    RunMerger.Outcome outcome = new RunMerger(dir, new GoneEngine()).merge(new TreeSet<>());
    assertEquals(RunMerger.ERROR, outcome.exitStatus());
    assertEquals("not checked", outcome.runProperties().get("consistency"));
    assertTrue(Files.readAllLines(dir.resolve(RunFiles.MERGED_CSV)).get(1).startsWith("post,6,0,"));
    assertFalse(Files.exists(dir.resolve(RunFiles.ZIPF_CSV)));
    assertTrue(outcome.runProperties().get("consistency.reason").contains("Connection refused"));
  }

  private LiveEngine engine() {
    return new LiveEngine() {
      @Override
      public EngineStats stats() {
        return RunMergerTest.this.stats(3 + postsOfClient2 - reusedPosts + outsidePosts);
      }

      @Override
      public List<WriteCounts> writeCounts(String prefix) {
        int id = prefix.equals(prefix(1)) ? 1 : prefix.equals(prefix(2)) ? 2 : 0;
        List<WriteCounts> rows = new ArrayList<>();
        if (id == 1) {
          rows.add(firstUser(1, 3));
          rows.add(new WriteCounts(prefix + "x", 1, 0, 0, 0, 0, 0)); // a person's name, not client 1's
        } else if (id == 2) {
          rows.add(firstUser(2, postsOfClient2));
        }
        return rows;
      }

      @Override
      public List<Subreddit> subredditsByMembers(int max) throws NotBoundException {
        return List.of(new Subreddit("big", "", "u", 0, 3), new Subreddit("small", "", "u", 0, 1));
      }

      @Override
      public long posts(String subreddit) {
        return subreddit.equals("big") ? 5 : 1;
      }
    };
  }

  /** Client {@code id}'s first user, with {@code posts}, as the engine and the client count it. */
  private static WriteCounts firstUser(int id, long posts) {
    return new WriteCounts(prefix(id) + "0", posts, 0, 2, 0, 1, 1);
  }

  private static String prefix(int id) {
    return "u" + id + "_tag" + id + "_";
  }

  private EngineStats stats(long posts) {
    boolean after = posts > 0;
    return new EngineStats(before[0] + (after ? 20 : 0), 0, before[1] + (after ? 2 : 0),
        before[2] + posts, before[3], before[4] + (after ? 4 : 0), before[5],
        before[6] + (after ? 2 : 0), 1000, Map.of(), 0, 0, 0);
  }

  private void writeClientProperties(int id, String status, String... more) throws IOException {
    Properties p = new Properties();
    p.setProperty("user.prefix", prefix(id));
    for (String item : List.of("posts", "comments", "votes", "messages", "memberships", "subreddits")) {
      p.setProperty("before." + item, "0");
    }
    p.setProperty("client.id", Integer.toString(id));
    p.setProperty("users", "10");
    p.setProperty("duration.s", "60");
    p.setProperty("subreddits", "2");
    p.setProperty("zipf.exponent", "1.1");
    p.setProperty("seed", Integer.toString(40 + id));
    p.setProperty("java.version", "17");
    p.setProperty("status", status);
    p.setProperty("acked.posts", "3");
    p.setProperty("acked.comments", "0");
    p.setProperty("acked.votes", "2");
    p.setProperty("acked.messages", "0");
    p.setProperty("acked.memberships", "1");
    p.setProperty("acked.subreddits", "1");
    for (int i = 0; i < more.length; i += 2) {
      p.setProperty(more[i], more[i + 1]);
    }
    try (Writer writer = Files.newBufferedWriter(dir.resolve(RunFiles.clientProperties(id)))) {
      p.store(writer, "client " + id);
    }
  }
}
