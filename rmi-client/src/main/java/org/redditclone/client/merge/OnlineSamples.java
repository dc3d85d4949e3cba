package org.redditclone.client.merge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.RunColumns.Online;

/** Reads a client's {@code client-K.online.csv}. */
final class OnlineSamples {

  /**
   * One sample: the users of one client online at the end of a 1 s interval.
   *
   * @param epochMillis when it was taken
   * @param online users online
   */
  record Sample(long epochMillis, int online) {}

  private OnlineSamples() {}

  /** Returns the samples of {@code file} in time order; a half-written last line is skipped. */
  static List<Sample> read(Path file) throws IOException {
    List<Sample> samples = new ArrayList<>(CsvFile.read(file, Online.values(), true,
        row -> new Sample(row.whole(Online.EPOCH_MS), Math.toIntExact(row.whole(Online.ONLINE)))));
    samples.sort((a, b) -> Long.compare(a.epochMillis(), b.epochMillis()));
    return samples;
  }
}
