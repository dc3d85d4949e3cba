package org.redditclone.client.merge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.redditclone.client.runfiles.RunFiles;

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
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(RunFiles.ONLINE_HEADER)) {
      throw new IOException(file + ": the first line is not the header '" + RunFiles.ONLINE_HEADER + "'");
    }
    List<Sample> samples = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      String[] fields = line.split(",", -1);
      try {
        samples.add(new Sample(Long.parseLong(fields[0]), Integer.parseInt(fields[1])));
      } catch (RuntimeException e) {
        if (i == lines.size() - 1) {
          break; // the client died while writing its last line
        }
        throw new IOException(file + " line " + (i + 1) + " '" + line + "' is not epoch_ms,online", e);
      }
    }
    samples.sort((a, b) -> Long.compare(a.epochMillis(), b.epochMillis()));
    return samples;
  }
}
