package org.redditclone.client.merge;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.redditclone.api.Subreddit;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.RunColumns.Zipf;

/**
 * Compares the member counts of the most joined subreddits with a Zipf law: of {@code total}
 * memberships among {@code m} subreddits, rank {@code k} expects {@code total * k^-s / H(m,s)}.
 */
final class ZipfCheck {

  /**
   * One rank.
   *
   * @param rank 1 for the most joined
   * @param subreddit its name
   * @param members its members now
   * @param expected what the Zipf law predicts
   */
  record Row(int rank, String subreddit, long members, double expected) {}

  private ZipfCheck() {}

  /** Returns the members that rank {@code rank} of {@code m} subreddits expects under exponent {@code s}. */
  static double expected(long total, int m, double s, int rank) {
    validate(m, s);
    if (rank < 1 || rank > m) {
      throw new IllegalArgumentException("rank is " + rank + "; it must be 1.." + m);
    }
    return total * new ZipfDistribution(null, m, s).probability(rank);
  }

  private static void validate(int m, double s) {
    if (m < 1) {
      throw new IllegalArgumentException("subreddits is " + m + "; it must be at least 1");
    }
    if (!(s > 0)) {
      throw new IllegalArgumentException("zipf.exponent is " + s + "; it must be positive");
    }
  }

  /**
   * Returns the first {@code top} rows of {@code byMembers} (most members first), expecting the
   * memberships of its first {@code m} subreddits to follow the law.
   */
  static List<Row> rows(List<Subreddit> byMembers, int m, double s, int top) {
    validate(m, s);
    List<Subreddit> run = byMembers.subList(0, Math.min(m, byMembers.size()));
    long total = run.stream().mapToLong(Subreddit::members).sum();
    ZipfDistribution law = new ZipfDistribution(null, m, s);
    List<Row> rows = new ArrayList<>();
    for (int rank = 1; rank <= Math.min(top, run.size()); rank++) {
      Subreddit subreddit = run.get(rank - 1);
      rows.add(new Row(rank, subreddit.name(), subreddit.members(), total * law.probability(rank)));
    }
    return rows;
  }

  /** Returns {@code rows} as CSV text with {@link #HEADER}. */
  static String csv(List<Row> rows) {
    StringBuilder text = new StringBuilder(CsvFile.headerLine(Zipf.values()));
    for (Row row : rows) {
      text.append(CsvFile.line(Zipf.values(), column -> switch (column) {
        case RANK -> row.rank();
        case SUBREDDIT -> row.subreddit();
        case MEMBERS -> row.members();
        case EXPECTED -> Latencies.decimal(row.expected());
      })).append('\n');
    }
    return text.toString();
  }
}
