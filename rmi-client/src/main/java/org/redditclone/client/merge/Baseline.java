package org.redditclone.client.merge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redditclone.api.EngineStats;
import org.redditclone.client.runfiles.PropertiesFile;

/** The engine's counts before a run: {@code baseline.properties}. */
final class Baseline {

  /** The keys of baseline.properties, in the order written. */
  static final List<String> KEYS =
      List.of("users", "subreddits", "posts", "comments", "votes", "messages", "memberships");

  private Baseline() {}

  /** Returns the engine's counts by key: {@link #KEYS}. */
  static Map<String, Long> counts(EngineStats stats) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("users", stats.users());
    counts.put("subreddits", stats.subreddits());
    counts.put("posts", stats.posts());
    counts.put("comments", stats.comments());
    counts.put("votes", stats.votes());
    counts.put("messages", stats.messages());
    counts.put("memberships", stats.memberships());
    return counts;
  }

  /** Writes {@code counts} to {@code file} atomically, with the time taken. */
  static void write(Path file, Map<String, Long> counts, long takenEpochMillis) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    counts.forEach((key, value) -> entries.put(key, Long.toString(value)));
    entries.put("taken.epoch_ms", Long.toString(takenEpochMillis));
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
    for (String key : KEYS) {
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
