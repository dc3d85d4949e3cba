package org.redditclone.client.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.redditclone.client.connect.EngineConnection;
import org.redditclone.client.runfiles.PropertiesFile;
import org.redditclone.client.runfiles.RunFiles;
import org.redditclone.client.runfiles.RunKeys.Client;

/**
 * The values of a client's {@code client-K.properties} ({@link Client}), gathered as the client
 * runs and written whole: once the client is set up ({@link Client#RUNNING}) and at its end.
 * Not thread-safe: the client's main thread fills it.
 */
final class ClientProperties {

  private final SimOptions options;
  private final Map<Client, String> values = new EnumMap<>(Client.class);

  /** Returns the properties every client writes: its id, engine, Java version and start. */
  ClientProperties(SimOptions options, EngineConnection engine, long startedMillis) {
    this.options = options;
    put(Client.CLIENT_ID, options.clientId);
    put(Client.ENGINE, engine.isInProcess() ? Client.ENGINE_IN_PROCESS : Client.ENGINE_RMI);
    if (!engine.isInProcess()) {
      put(Client.REGISTRY, engine.where());
    }
    put(Client.JAVA_VERSION, System.getProperty("java.version"));
    put(Client.STARTED_EPOCH_MS, startedMillis);
  }

  /** Sets {@code key} to {@code value}, a duration in seconds and a double without a needless ".0"; returns this. */
  ClientProperties put(Client key, Object value) {
    String text;
    if (value instanceof Duration d) {
      text = number(d.toNanos() / 1e9);
    } else if (value instanceof Double d) {
      text = number(d);
    } else {
      text = String.valueOf(value);
    }
    values.put(key, text);
    return this;
  }

  /** Sets {@code key} to a number of seconds given in nanoseconds, with three decimals; returns this. */
  ClientProperties putSeconds(Client key, long nanos) {
    values.put(key, String.format(Locale.ROOT, "%.3f", nanos / 1e9));
    return this;
  }

  /** Writes the properties with {@code status}, sorted by key, and returns the file's path. */
  Path write(String status) throws IOException {
    put(Client.STATUS, status);
    Map<String, String> text = new TreeMap<>();
    values.forEach((key, value) -> text.put(key.key(), value));
    Path file = options.out.resolve(RunFiles.clientProperties(options.clientId));
    PropertiesFile.write(file, "redditclone simulator client " + options.clientId, text);
    return file;
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
