package org.redditclone.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ConsistencyTest {

  @Test
  void compare_passesWhenTheEngineCountedWhatTheClientsWereAcknowledged() {
    Consistency.Result result = Consistency.compare(counts(0), counts(0), List.of());
    assertTrue(result.pass());
    assertEquals("PASS engine=10 clients=10", result.entries().get("consistency.posts"));
    assertEquals("PASS", result.entries().get("consistency"));
    assertFalse(result.entries().containsKey("consistency.reason"));
  }

  @Test
  void compare_failsNamingTheItemAndBothNumbers() {
    Map<String, Long> clients = counts(0);
    clients.put("votes", 120L);
    Consistency.Result result = Consistency.compare(counts(0), clients, List.of());
    assertFalse(result.pass());
    assertEquals("FAIL engine=50 clients=120", result.entries().get("consistency.votes"));
    assertEquals("PASS engine=10 clients=10", result.entries().get("consistency.posts"));
    assertEquals("FAIL", result.entries().get("consistency"));
    assertEquals("votes: the engine counted 50 but the clients were acknowledged 120",
        result.entries().get("consistency.reason"));
    assertTrue(result.text().contains("consistency.votes=FAIL engine=50 clients=120\n"));
  }

  @Test
  void compare_failsForAReasonEvenWhenTheCountsAgree() {
    Consistency.Result result =
        Consistency.compare(counts(0), counts(0), List.of("client 3 did not finish (status=crashed)"));
    assertFalse(result.pass());
    assertEquals("client 3 did not finish (status=crashed)", result.entries().get("consistency.reason"));
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
  void difference_subtractsTheBaseline() {
    Map<String, Long> baseline = counts(0);
    Map<String, Long> now = counts(5);
    assertEquals(Map.of("posts", 5L, "comments", 5L, "votes", 5L, "messages", 5L,
        "memberships", 5L, "subreddits", 5L), Consistency.difference(now, baseline));
  }

  private static Map<String, Long> counts(long plus) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("posts", 10 + plus);
    counts.put("comments", 20 + plus);
    counts.put("votes", 50 + plus);
    counts.put("messages", 3 + plus);
    counts.put("memberships", 40 + plus);
    counts.put("subreddits", 4 + plus);
    return counts;
  }
}
