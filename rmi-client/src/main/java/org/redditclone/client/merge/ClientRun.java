package org.redditclone.client.merge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.redditclone.api.WriteCounts;
import org.redditclone.client.metrics.AckedWrites;
import org.redditclone.client.runfiles.PropertiesFile;
import org.redditclone.client.runfiles.RunColumns.Users;
import org.redditclone.client.runfiles.RunFiles;
import org.redditclone.client.runfiles.RunKeys.Client;

/**
 * What one client left in the run directory.
 *
 * @param id the client id K of {@code client-K.*}
 * @param dir the run directory
 * @param properties the simulator's {@code client-K.properties}, if present
 */
record ClientRun(int id, Path dir, Optional<Map<String, String>> properties) {

  private static final Pattern CLIENT_FILE = Pattern.compile("client-(\\d+)\\..+");

  /** Returns the clients of {@code dir} (any {@code client-K.*} file), ordered by id. */
  static List<ClientRun> scan(Path dir) throws IOException {
    TreeSet<Integer> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(file -> {
        Matcher matcher = CLIENT_FILE.matcher(file.getFileName().toString());
        if (matcher.matches() && matcher.group(1).length() < 10) {
          ids.add(Integer.parseInt(matcher.group(1)));
        }
      });
    }
    List<ClientRun> clients = new ArrayList<>();
    for (int id : ids) {
      clients.add(load(dir, id));
    }
    return clients;
  }

  /** Returns client {@code id} of {@code dir}, whether or not it left files. */
  static ClientRun load(Path dir, int id) throws IOException {
    Path file = dir.resolve(RunFiles.clientProperties(id));
    return new ClientRun(
        id, dir, Files.isRegularFile(file) ? Optional.of(PropertiesFile.read(file)) : Optional.empty());
  }

  /** Returns whether the client wrote {@code status=finished}. */
  boolean finished() {
    return Client.FINISHED.equals(status());
  }

  /**
   * Returns whether the client reported what it was acknowledged: it finished, or a stop ended
   * its steady phase early ({@code status=stopped}) and it left cleanly.
   */
  boolean reported() {
    return finished() || Client.STOPPED.equals(status());
  }

  /**
   * Returns whether the client was lost during the run, so that what the engine acknowledged to
   * it is unknown: its client-K.properties, written at the end of its setup, still says {@code
   * status=running} (it died during the run), or a run coordinator wrote {@code status=lost}.
   */
  boolean lost() {
    String status = status();
    return Client.RUNNING.equals(status) || Client.LOST.equals(status);
  }

  private String status() {
    return property(Client.STATUS).orElse(null);
  }

  /**
   * Returns why the client's acknowledged counts cannot be taken as they are, or empty when it
   * finished or was stopped cleanly: it left no client-K.properties, was lost, or reported another
   * status.
   */
  Optional<String> notFinishedReason() {
    String file = RunFiles.clientProperties(id);
    if (properties.isEmpty()) {
      return Optional.of("client " + id + " left no " + file + " (it never finished its setup: it "
          + "failed to start, or was killed), so what it was acknowledged is unknown");
    }
    if (lost()) {
      return Optional.of("client " + id + " was lost during the run (" + Client.STATUS.key() + "="
          + property(Client.STATUS).orElseThrow() + " in " + file + "): what it was acknowledged is "
          + "unknown, so its users' writes were not compared");
    }
    if (!reported()) {
      return Optional.of("client " + id + " did not finish (" + Client.STATUS.key() + "="
          + property(Client.STATUS).orElse("<none>") + ")");
    }
    return Optional.empty();
  }

  /** Returns the value of {@code key} in the client's properties. */
  Optional<String> property(Client key) {
    return properties.map(p -> p.get(key.key())).map(String::strip);
  }

  /**
   * Returns the number under {@code key}, or empty when absent.
   *
   * @throws IOException when present but not a whole number, naming the file, key and value
   */
  OptionalLong number(Client key) throws IOException {
    Optional<String> value = property(key);
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.get()));
    } catch (NumberFormatException e) {
      throw new IOException(RunFiles.clientProperties(id) + ": " + key.key() + " is '" + value.get()
          + "'; expected a whole number", e);
    }
  }

  /**
   * Returns the counts under the key {@code keyOf} gives for each item (e.g. {@code acked.posts}),
   * an absent key counted 0 and added to {@code absent}.
   *
   * @throws IOException if a value is not a whole number, naming the file, key and value
   */
  WriteCounts counts(Function<String, Client> keyOf, List<String> absent) throws IOException {
    Map<Users, Long> values = new EnumMap<>(Users.class);
    for (Users item : Consistency.ITEMS) {
      Client key = keyOf.apply(item.header());
      OptionalLong value = number(key);
      if (value.isEmpty()) {
        absent.add(key.key());
      }
      values.put(item, value.orElse(0));
    }
    return AckedWrites.of("client " + id, values::get);
  }

  Path steadyLog() {
    return dir.resolve(RunFiles.clientHlog(id));
  }

  Path setupLog() {
    return dir.resolve(RunFiles.clientSetupHlog(id));
  }

  Path errorsCsv() {
    return dir.resolve(RunFiles.clientErrorsCsv(id));
  }

  Path onlineCsv() {
    return dir.resolve(RunFiles.clientOnlineCsv(id));
  }

  Path usersCsv() {
    return dir.resolve(RunFiles.clientUsersCsv(id));
  }
}
