package org.redditclone.client.merge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redditclone.api.EngineStats;
import org.redditclone.client.runfiles.PropertiesFile;
import org.redditclone.client.runfiles.RunKeys;

/** The engine's counts before a run: {@code baseline.properties}. */
final class Baseline {

  private Baseline() {}

  /** Returns the engine's counts by key: {@link RunKeys.Baseline#counts()}. */
  static Map<String, Long> counts(EngineStats stats) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (RunKeys.Baseline key : RunKeys.Baseline.counts()) {
      counts.put(key.key(), switch (key) {
        case USERS -> stats.users();
        case SUBREDDITS -> stats.subreddits();
        case POSTS -> stats.posts();
        case COMMENTS -> stats.comments();
        case VOTES -> stats.votes();
        case MESSAGES -> stats.messages();
        case MEMBERSHIPS -> stats.memberships();
        case TAKEN_EPOCH_MS -> throw new AssertionError("not a count");
      });
    }
    return counts;
  }

  /** Writes {@code counts} to {@code file} atomically, with the time taken. */
  static void write(Path file, Map<String, Long> counts, long takenEpochMillis) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    counts.forEach((key, value) -> entries.put(key, Long.toString(value)));
    entries.put(RunKeys.Baseline.TAKEN_EPOCH_MS.key(), Long.toString(takenEpochMillis));
    PropertiesFile.write(file, "engine counts before the run's clients started", entries);
  }

  /**
   * Returns the counts of {@code file}.
   *
   * @throws IOException if a key is missing or not a whole number, naming the file and key
   */
  static Map<String, Long> read(Path file) throws IOException {
    Map<String, String> properties = PropertiesFile.read(file);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (RunKeys.Baseline count : RunKeys.Baseline.counts()) {
      String key = count.key();
      String value = properties.get(key);
      if (value == null) {
        throw new IOException(file + " has no " + key);
      }
      try {
        counts.put(key, Long.parseLong(value.strip()));
      } catch (NumberFormatException e) {
        throw new IOException(file + ": " + key + " is '" + value + "'; expected a whole number", e);
      }
    }
    return counts;
  }
}
