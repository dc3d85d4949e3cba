package org.redditclone.client.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.redditclone.api.Subreddit;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.ZipfFit;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.RunColumns.Zipf;

/**
 * Compares the member counts of a run's subreddits with the configured Zipf law: of {@code total}
 * memberships among {@code m} subreddits, rank {@code k} expects {@code total * k^-s / H(m,s)}.
 * It fits the law to the end state ({@link ZipfFit}, the top ranks) and checks that posts follow
 * members (Spearman's rank correlation over the subreddits with posts).
 */
final class ZipfCheck {

  static final String PASS = "PASS";
  static final String DRIFT = "DRIFT";

  /**
   * One rank.
   *
   * @param rank 1 for the most joined
   * @param subreddit its name
   * @param members its members now
   * @param expected what the Zipf law predicts
   * @param posts its posts now
   */
  record Row(int rank, String subreddit, long members, double expected, long posts) {}

  /**
   * What the check found.
   *
   * @param rows every subreddit of the run, most members first
   * @param exponent the configured exponent
   * @param fit the law fitted to the members of the top ranks
   * @param spearman the rank correlation of posts with members, NaN with fewer than 3 subreddits
   *     with posts
   * @param withPosts the subreddits with posts
   */
  record Result(List<Row> rows, double exponent, ZipfFit fit, double spearman, int withPosts) {

    /** Returns whether the fitted exponent strays from the configured one beyond the limit. */
    boolean drifted() {
      return fit.driftsFrom(exponent);
    }

    /** Returns {@value #DRIFT} if the fit {@link #drifted}, else {@value #PASS}: zipf.check. */
    String verdict() {
      return drifted() ? DRIFT : PASS;
    }

    /** Returns one line for a person: the fitted exponent next to the configured one. */
    String fitLine() {
      return String.format(Locale.ROOT, "%s: fitted exponent %.3f over the top %d ranks, "
              + "configured %s (limit %.2f)", drifted() ? DRIFT : "ok", fit.exponent(),
          fit.points(), Latencies.decimal(exponent), ZipfFit.DRIFT_LIMIT);
    }

    /** Returns one line for a person: how closely posts follow members. */
    String postsLine() {
      if (Double.isNaN(spearman)) {
        return "posts follow members: not ranked, " + withPosts + " subreddits with posts are too few";
      }
      return String.format(Locale.ROOT, "posts follow members: Spearman %.3f over %d subreddits "
          + "with posts", spearman, withPosts);
    }
  }

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
   * Returns the check of {@code byMembers} (most members first), expecting the memberships of its
   * first {@code m} subreddits to follow the law with exponent {@code s}; {@code posts} gives the
   * posts of each by name (none when absent).
   */
  static Result check(List<Subreddit> byMembers, Map<String, Long> posts, int m, double s) {
    validate(m, s);
    List<Subreddit> run = byMembers.subList(0, Math.min(m, byMembers.size()));
    long total = run.stream().mapToLong(Subreddit::members).sum();
    ZipfDistribution law = new ZipfDistribution(null, m, s);
    List<Row> rows = new ArrayList<>();
    long[] members = new long[run.size()];
    List<double[]> withPosts = new ArrayList<>();
    for (int rank = 1; rank <= run.size(); rank++) {
      Subreddit subreddit = run.get(rank - 1);
      long count = posts.getOrDefault(subreddit.name(), 0L);
      rows.add(new Row(rank, subreddit.name(), subreddit.members(), total * law.probability(rank),
          count));
      members[rank - 1] = subreddit.members();
      if (count > 0) {
        withPosts.add(new double[] {subreddit.members(), count});
      }
    }
    double spearman = Double.NaN;
    if (withPosts.size() >= 3) {
      spearman = new SpearmansCorrelation().correlation(
          withPosts.stream().mapToDouble(p -> p[0]).toArray(),
          withPosts.stream().mapToDouble(p -> p[1]).toArray());
    }
    return new Result(List.copyOf(rows), s, ZipfFit.of(members), spearman, withPosts.size());
  }

  /** Returns the rows of {@code result} as zipf.csv's text ({@link Zipf}). */
  static String csv(Result result) {
    StringBuilder text = new StringBuilder(CsvFile.headerLine(Zipf.values()));
    for (Row row : result.rows()) {
      text.append(CsvFile.line(Zipf.values(), column -> switch (column) {
        case RANK -> row.rank();
        case SUBREDDIT -> row.subreddit();
        case MEMBERS -> row.members();
        case EXPECTED -> Latencies.decimal(row.expected());
        case POSTS -> row.posts();
        case EXPONENT -> Latencies.decimal(result.exponent());
        case FITTED_EXPONENT -> Latencies.decimal(result.fit().exponent());
      })).append('\n');
    }
    return text.toString();
  }
}
