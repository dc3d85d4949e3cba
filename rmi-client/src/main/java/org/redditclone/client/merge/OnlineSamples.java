package org.redditclone.client.merge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.RunColumns;
import org.redditclone.client.runfiles.RunColumns.Online;

/** Reads a client's {@code client-K.online.csv}, of this run or of an earlier one (without lag). */
final class OnlineSamples {

  /**
   * One sample: the users of one client online at the end of a 1 s interval.
   *
   * @param epochMillis when it was taken
   * @param online users online
   * @param lagP99Millis the client's schedule-lag p99 in the interval, NaN if none or not recorded
   */
  record Sample(long epochMillis, int online, double lagP99Millis) {}

  private OnlineSamples() {}

  /** Returns the samples of {@code file} in time order; a half-written last line is skipped. */
  static List<Sample> read(Path file) throws IOException {
    List<Sample> samples = new ArrayList<>(CsvFile.read(file, RunColumns.through(Online.values(), Online.ONLINE),
        true, row -> new Sample(row.whole(Online.EPOCH_MS), Math.toIntExact(row.whole(Online.ONLINE)),
            row.has(Online.LAG_P99_MS) ? row.number(Online.LAG_P99_MS) : Double.NaN)));
    samples.sort((a, b) -> Long.compare(a.epochMillis(), b.epochMillis()));
    return samples;
  }
}
