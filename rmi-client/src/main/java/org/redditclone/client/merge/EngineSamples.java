package org.redditclone.client.merge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.RunColumns.Engine;

/** Reads the run coordinator's {@code engine.csv}: the engine's GC and CPU per second of the window. */
final class EngineSamples {

  /**
   * The engine over one second, read at its end.
   *
   * @param epochMillis the end of the second, on the coordinator's clock
   * @param gcMillis its stop-the-world GC pauses in the second
   * @param cpuPercent its process CPU in the second, percent of one core; NaN if unknown
   */
  record Sample(long epochMillis, double gcMillis, double cpuPercent) {}

  private EngineSamples() {}

  /** Returns the samples of {@code file} in time order; a half-written last line is skipped. */
  static List<Sample> read(Path file) throws IOException {
    List<Sample> samples = new ArrayList<>(CsvFile.read(file, Engine.values(), true, row -> new Sample(
        row.whole(Engine.EPOCH_MS), row.number(Engine.GC_MS), row.number(Engine.CPU_PCT))));
    samples.sort((a, b) -> Long.compare(a.epochMillis(), b.epochMillis()));
    return samples;
  }
}
