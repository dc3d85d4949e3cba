package org.redditclone.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redditclone.api.WriteCounts;
import org.redditclone.client.merge.Consistency.ClientCounts;

/** The check with synthetic counts: what passes, what fails and how each is said. */
final class ConsistencyTest {

  private static final WriteCounts NONE = counts(0, 0, 0, 0, 0, 0);

  @Test
  void outsideWrites_areReportedOnALineOfTheirOwn_andNeverFailTheCheck() {
    WriteCounts outside = counts(1, 0, 0, 0, 1, 1); // a person registered, created a sub, posted
    Consistency.Result result = Consistency.compare(List.of(agreeing(1), agreeing(2)),
        Optional.of(outside), List.of(), List.of());

    assertTrue(result.pass());
    Map<String, String> entries = result.entries();
    assertEquals("PASS", entries.get("consistency"));
    assertEquals("PASS engine=20 clients=20", entries.get("consistency.posts"));
    assertEquals("PASS posts=10 comments=20 votes=50 messages=3 memberships=40 subreddits=4",
        entries.get("consistency.client.1"));
    assertEquals("posts=1 comments=0 votes=0 messages=0 memberships=1 subreddits=1",
        entries.get("consistency.outside"));
    assertFalse(entries.containsKey("consistency.reason"));
    assertTrue(result.summary().contains(
        "\noutside writes during the run: posts=1 comments=0 votes=0 messages=0 memberships=1 subreddits=1\n"),
        result.summary());
  }

  @Test
  void aLostWriteOfTheRunsOwn_failsNamingTheClientAndTheUser() {
    List<WriteCounts> engineUsers = List.of(user("u2_k3x9_0", 6), user("u2_k3x9_1", 3));
    List<WriteCounts> ackedUsers = List.of(user("u2_k3x9_0", 6), user("u2_k3x9_1", 4));
    ClientCounts lostOne = new ClientCounts(2, false, counts(9, 20, 50, 3, 40, 4),
        counts(10, 20, 50, 3, 40, 4), engineUsers, ackedUsers);
    Consistency.Result result = Consistency.compare(List.of(agreeing(1), lostOne),
        Optional.of(NONE), List.of(), List.of());

    assertFalse(result.pass());
    Map<String, String> entries = result.entries();
    assertEquals("FAIL", entries.get("consistency"));
    assertEquals("FAIL engine=19 clients=20", entries.get("consistency.posts"));
    assertEquals("PASS engine=40 clients=40", entries.get("consistency.comments"));
    assertTrue(entries.get("consistency.client.1").startsWith("PASS "), entries.toString());
    assertEquals("FAIL posts engine=9 acked=10; users u2_k3x9_1 (posts engine=3 acked=4)",
        entries.get("consistency.client.2"));
    assertEquals("client 2's users' writes of the run: posts engine=9 acked=10",
        entries.get("consistency.reason"));
  }

  @Test
  void aDuplicatedWrite_failsToo_andManyUsersAreCutShort() {
    List<WriteCounts> engineUsers = new ArrayList<>();
    List<WriteCounts> ackedUsers = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      engineUsers.add(new WriteCounts("u3_k3x9_" + i, 0, 0, 2, 0, 0, 0));
      ackedUsers.add(new WriteCounts("u3_k3x9_" + i, 0, 0, 1, 0, 0, 0));
    }
    ClientCounts twice = new ClientCounts(3, false, counts(0, 0, 26, 0, 0, 0),
        counts(0, 0, 13, 0, 0, 0), engineUsers, ackedUsers);
    Consistency.Result result = Consistency.compare(List.of(twice), Optional.empty(), List.of(), List.of());

    String line = result.entries().get("consistency.client.3");
    assertTrue(line.startsWith("FAIL votes engine=26 acked=13; users u3_k3x9_0 (votes engine=2 acked=1), "), line);
    assertTrue(line.endsWith(" and 3 more"), line);
    assertEquals(Consistency.USERS_NAMED, line.split("\\(votes").length - 1, line);
    assertFalse(result.entries().containsKey("consistency.outside"), "no baseline, no outside line");
  }

  @Test
  void aClientLostMidRun_isNotChecked_butShown_andTheOthersDecide() {
    ClientCounts lost = ClientCounts.lost(3, counts(4, 1, 7, 0, 12, 1));
    Consistency.Result result = Consistency.compare(List.of(agreeing(1), agreeing(2), lost),
        Optional.of(NONE), List.of("client 3 was lost during the run"), List.of());

    assertTrue(result.pass());
    Map<String, String> entries = result.entries();
    assertEquals("PASS", entries.get("consistency"));
    assertEquals("not checked (lost) posts=4 comments=1 votes=7 messages=0 memberships=12 subreddits=1",
        entries.get("consistency.client.3"));
    assertEquals("PASS engine=20 clients=20", entries.get("consistency.posts"), "the lost client's left out");
    assertEquals("client 3 was lost during the run", entries.get("consistency.note"));
  }

  @Test
  void everyClientLost_isNotChecked() {
    Consistency.Result result = Consistency.compare(List.of(ClientCounts.lost(1, NONE)),
        Optional.empty(), List.of(), List.of());
    assertFalse(result.checked());
    assertEquals("not checked", result.verdict());
    assertTrue(result.entries().get("consistency.reason").contains("every client was lost"));
  }

  @Test
  void aReason_failsTheCheckEvenWhenTheCountsAgree() {
    Consistency.Result result = Consistency.compare(List.of(agreeing(1)), Optional.empty(), List.of(),
        List.of("client 1 did not finish (status=crashed)"));
    assertFalse(result.pass());
    assertEquals("FAIL", result.verdict());
    assertEquals("client 1 did not finish (status=crashed)", result.entries().get("consistency.reason"));
  }

  @Test
  void notChecked_isNeitherAPassNorAFailure() {
    Consistency.Result result = Consistency.notChecked(List.of("client 2 left no client-2.properties"));
    assertFalse(result.pass());
    assertEquals("not checked", result.verdict());
    assertEquals("consistency=not checked\nconsistency.reason=client 2 left no client-2.properties\n",
        result.text());
  }

  @Test
  void minus_subtractsItemByItem() {
    assertEquals(counts(9, 18, 47, 0, 38, 3),
        Consistency.minus(counts(10, 20, 50, 3, 40, 4), counts(1, 2, 3, 3, 2, 1)));
  }

  private static ClientCounts agreeing(int id) {
    WriteCounts counts = counts(10, 20, 50, 3, 40, 4);
    return new ClientCounts(id, false, counts, counts, List.of(), List.of());
  }

  private static WriteCounts user(String name, long posts) {
    return new WriteCounts(name, posts, 0, 0, 0, 0, 0);
  }

  private static WriteCounts counts(long posts, long comments, long votes, long messages,
      long memberships, long subreddits) {
    return new WriteCounts("c", posts, comments, votes, messages, memberships, subreddits);
  }
}
