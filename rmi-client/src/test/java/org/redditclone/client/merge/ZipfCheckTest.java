package org.redditclone.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
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
  void rows_takeTheTotalOfTheRunsSubredditsOnly() {
    List<Subreddit> byMembers = List.of(sub("a", 70), sub("b", 25), sub("c", 15), sub("older", 9));
    List<ZipfCheck.Row> rows = ZipfCheck.rows(byMembers, 3, 1.0, 2);
    assertEquals(List.of("a", "b"), rows.stream().map(ZipfCheck.Row::subreddit).toList());
    assertEquals(List.of(70L, 25L), rows.stream().map(ZipfCheck.Row::members).toList());
    assertEquals(60.0, rows.get(0).expected(), 1e-9); // of 110 among a, b, c; 'older' is not the run's
    assertEquals(30.0, rows.get(1).expected(), 1e-9);
    assertEquals("rank,subreddit,members,expected\n1,a,70,60.000\n2,b,25,30.000\n", ZipfCheck.csv(rows));
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
