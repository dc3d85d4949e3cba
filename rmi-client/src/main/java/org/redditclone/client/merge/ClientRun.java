package org.redditclone.client.merge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.redditclone.client.runfiles.PropertiesFile;
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
    return Client.FINISHED.equals(property(Client.STATUS).orElse(null));
  }

  /**
   * Returns whether what the engine acknowledged to the client is unknown, so that the counts
   * cannot be compared: it left no client-K.properties (it never finished its setup: it failed to
   * start, or was killed before), or the file still says {@code status=running} (written at the
   * end of its setup, it was never replaced: the client died during the run).
   */
  boolean ackedUnknown() {
    return properties.isEmpty() || Client.RUNNING.equals(property(Client.STATUS).orElse(null));
  }

  /** Returns why the client does not count as finished, or empty when it finished. */
  Optional<String> notFinishedReason() {
    String file = RunFiles.clientProperties(id);
    if (properties.isEmpty()) {
      return Optional.of("client " + id + " left no " + file + " (it never finished its setup: it "
          + "failed to start, or was killed), so what it was acknowledged is unknown");
    }
    if (ackedUnknown()) {
      return Optional.of("client " + id + " died during the run (" + Client.STATUS.key() + "="
          + Client.RUNNING + " in " + file + "), so what it was acknowledged is unknown");
    }
    if (!finished()) {
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
}
