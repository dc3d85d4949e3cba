package org.redditclone.client.report;

import static java.util.Objects.requireNonNull;

/**
 * One row of zipf.csv as the report reads it: a subreddit's rank by members and what the Zipf
 * law predicts for it (the columns every run's zipf.csv has).
 *
 * @param rank 1 for the most joined
 * @param subreddit its name
 * @param members its members at the end of the run
 * @param expected the members the configured Zipf law predicts
 */
public record ZipfRow(int rank, String subreddit, long members, double expected) {

  public ZipfRow {
    requireNonNull(subreddit, "subreddit");
  }
}
