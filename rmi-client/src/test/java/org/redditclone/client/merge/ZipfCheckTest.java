package org.redditclone.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redditclone.api.Subreddit;

final class ZipfCheckTest {

  @ParameterizedTest
  @CsvSource({
    // total, m, s, rank, expected: total * rank^-s / H(m,s)
    "110, 3, 1.0, 1, 60.0", // H(3,1) = 11/6
    "110, 3, 1.0, 2, 30.0",
    "110, 3, 1.0, 3, 20.0",
    "500, 2, 2.0, 1, 400.0", // H(2,2) = 5/4
    "500, 2, 2.0, 2, 100.0",
    "1000, 1, 1.5, 1, 1000.0"
  })
  void expected_isTheZipfShareOfTheTotal(long total, int m, double s, int rank, double expected) {
    assertEquals(expected, ZipfCheck.expected(total, m, s, rank), 1e-9);
  }

  @Test
  void check_takesTheTotalOfTheRunsSubredditsOnly() {
    List<Subreddit> byMembers = List.of(sub("a", 70), sub("b", 25), sub("c", 15), sub("older", 9));
    ZipfCheck.Result result = ZipfCheck.check(byMembers, Map.of("a", 4L, "c", 1L), 3, 1.0);
    assertEquals(List.of("a", "b", "c"), result.rows().stream().map(ZipfCheck.Row::subreddit).toList());
    assertEquals(List.of(70L, 25L, 15L), result.rows().stream().map(ZipfCheck.Row::members).toList());
    assertEquals(60.0, result.rows().get(0).expected(), 1e-9); // of 110 among a, b, c; 'older' is not the run's
    assertEquals(30.0, result.rows().get(1).expected(), 1e-9);
    assertEquals(List.of(4L, 0L, 1L), result.rows().stream().map(ZipfCheck.Row::posts).toList());
    assertEquals(2, result.withPosts());
    assertEquals(Double.NaN, result.spearman()); // two subreddits with posts are too few to rank
  }

  @Test
  void csv_keepsTheFirstFourColumnsAndAppendsPostsAndBothExponents() {
    ZipfCheck.Result result = ZipfCheck.check(List.of(sub("a", 70), sub("b", 35)), Map.of("a", 3L), 2, 1.0);
    assertEquals("rank,subreddit,members,expected,posts,exponent,fitted_exponent\n"
        + "1,a,70,70.000,3,1.000,1.000\n2,b,35,35.000,0,1.000,1.000\n", ZipfCheck.csv(result));
  }

  @ParameterizedTest
  @CsvSource({
    // members of ranks 1..4 on the law k^-s scaled by 1200, then s' steeper or flatter
    "1.0, 1.0, false",
    "1.0, 1.04, false",
    "1.0, 1.06, true",
    "1.0, 0.94, true",
    "0.8, 0.8, false"
  })
  void check_flagsAFittedExponentBeyondTheDriftLimit(double configured, double actual, boolean drifted) {
    List<Subreddit> byMembers = new ArrayList<>();
    for (int rank = 1; rank <= 4; rank++) {
      byMembers.add(sub("r" + rank, (int) Math.round(1_200_000 * Math.pow(rank, -actual))));
    }
    ZipfCheck.Result result = ZipfCheck.check(byMembers, Map.of(), 4, configured);
    assertEquals(actual, result.fit().exponent(), 1e-4);
    assertEquals(drifted, result.drifted());
    assertTrue(result.fitLine().startsWith(drifted ? "DRIFT: " : "ok: "), result.fitLine());
  }

  @Test
  void check_ranksPostsAgainstMembersOverTheSubredditsWithPosts() {
    List<Subreddit> byMembers = List.of(sub("a", 90), sub("b", 50), sub("c", 20), sub("d", 10), sub("e", 5));
    ZipfCheck.Result follows = ZipfCheck.check(byMembers,
        Map.of("a", 40L, "b", 30L, "c", 9L, "d", 2L), 5, 1.0);
    assertEquals(1.0, follows.spearman(), 1e-12);
    assertEquals(4, follows.withPosts());
    ZipfCheck.Result against = ZipfCheck.check(byMembers,
        Map.of("a", 1L, "b", 2L, "c", 3L, "d", 4L, "e", 5L), 5, 1.0);
    assertEquals(-1.0, against.spearman(), 1e-12);
    assertEquals("posts follow members: Spearman -1.000 over 5 subreddits with posts", against.postsLine());
  }

  @Test
  void expected_rejectsANonPositiveExponent() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ZipfCheck.expected(10, 3, 0.0, 1));
    assertEquals("zipf.exponent is 0.0; it must be positive", e.getMessage());
  }

  private static Subreddit sub(String name, int members) {
    return new Subreddit(name, "", "someone", 0, members);
  }
}
