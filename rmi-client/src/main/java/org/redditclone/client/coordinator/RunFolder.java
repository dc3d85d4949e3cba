package org.redditclone.client.coordinator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.redditclone.api.FileChunk;
import org.redditclone.api.InvalidInputException;
import org.redditclone.client.metrics.IntervalLogWriter;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.Tag;
import org.redditclone.client.runfiles.CsvFile;
import org.redditclone.client.runfiles.PropertiesFile;
import org.redditclone.client.runfiles.RunColumns.Engine;
import org.redditclone.client.runfiles.RunColumns.Online;
import org.redditclone.client.runfiles.RunFiles;
import org.redditclone.client.runfiles.RunKeys.Client;

/**
 * The run folder as the coordinator fills it: each client's seconds as they are pushed ({@code
 * client-K.hlog}, {@code client-K.online.csv}, what a lost client leaves), the clients' uploaded
 * files (which replace those), and {@code engine.csv}. Not thread-safe: the coordinator's lock
 * guards it.
 */
final class RunFolder implements AutoCloseable {

  /** The largest file a client may upload. */
  static final long MAX_FILE_BYTES = 4L << 30;

  private final Path dir;
  private final Map<Integer, IntervalLogWriter> hlogs = new HashMap<>();
  private final Map<Integer, BufferedWriter> onlines = new HashMap<>();
  private final Map<String, Upload> uploads = new HashMap<>();
  private final Set<String> uploaded = new java.util.HashSet<>();
  private BufferedWriter engine;

  private record Upload(Path part, OutputStream out, long[] size) {}

  RunFolder(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  /** Returns the folder. */
  Path dir() {
    return dir;
  }

  /**
   * Appends a second that {@code client} pushed to its interval log and online samples, as the
   * client writes them: the interval {@code windowStart + second s} for {@code millis}.
   */
  void spool(int client, long windowStart, long second, long millis, Map<Tag, Histogram> histograms,
      int usersOnline, double lagP99Millis) throws IOException {
    long start = windowStart + second * 1000;
    long end = start + millis;
    if (!uploaded.contains(RunFiles.clientHlog(client))) {
      IntervalLogWriter hlog = hlogs.get(client);
      if (hlog == null) {
        hlog = IntervalLogWriter.open(dir.resolve(RunFiles.clientHlog(client)), start,
            "client " + client + " steady phase, latencies in ns, as pushed to the run coordinator");
        hlogs.put(client, hlog);
      }
      for (Map.Entry<Tag, Histogram> entry : histograms.entrySet()) {
        hlog.write(entry.getKey(), start, end, entry.getValue());
      }
      hlog.flush();
    }
    if (!uploaded.contains(RunFiles.clientOnlineCsv(client))) {
      BufferedWriter online = onlines.get(client);
      if (online == null) {
        online = Files.newBufferedWriter(dir.resolve(RunFiles.clientOnlineCsv(client)), StandardCharsets.UTF_8);
        online.write(CsvFile.headerLine(Online.values()));
        onlines.put(client, online);
      }
      online.write(CsvFile.line(Online.values(), column -> switch (column) {
        case EPOCH_MS -> end;
        case ONLINE -> usersOnline;
        case LAG_P99_MS -> Latencies.decimal(lagP99Millis);
      }) + "\n");
      online.flush();
    }
  }

  /** Appends the engine's reading of the second that ends at {@code endMillis} to engine.csv. */
  void engine(long endMillis, long gcCount, double gcMillis, double cpuPercent) throws IOException {
    if (engine == null) {
      engine = Files.newBufferedWriter(dir.resolve(RunFiles.ENGINE_CSV), StandardCharsets.UTF_8);
      engine.write(CsvFile.headerLine(Engine.values()));
    }
    engine.write(CsvFile.line(Engine.values(), column -> switch (column) {
      case EPOCH_MS -> endMillis;
      case GC_COUNT -> gcCount;
      case GC_MS -> Latencies.decimal(gcMillis);
      case CPU_PCT -> Latencies.decimal(cpuPercent);
    }) + "\n");
    engine.flush();
  }

  /**
   * Takes the next part of a client's file; the last part moves the whole file into place,
   * replacing what the coordinator spooled.
   *
   * @throws InvalidInputException if the name is not one of the client's files, the part does not
   *     follow the last one, or the file grows beyond {@link #MAX_FILE_BYTES}
   */
  void upload(FileChunk chunk) throws IOException, InvalidInputException {
    String name = chunk.name();
    if (!clientFiles(chunk.clientId()).contains(name)) {
      throw new InvalidInputException("name", name, "is not a file of client " + chunk.clientId() + "; its files are "
          + clientFiles(chunk.clientId()));
    }
    Upload upload = uploads.get(name);
    if (chunk.offset() == 0 && upload != null) { // the client starts over (a retry after a lost answer)
      upload.out().close();
      uploads.remove(name);
      upload = null;
    }
    if (upload == null) {
      if (chunk.offset() != 0) {
        throw new InvalidInputException("offset", chunk.offset(), "of " + name + " does not follow the upload so far (0)");
      }
      Path part = dir.resolve("." + name + ".upload");
      upload = new Upload(part, Files.newOutputStream(part, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), new long[1]);
      uploads.put(name, upload);
    }
    if (chunk.offset() != upload.size()[0]) {
      throw new InvalidInputException("offset", chunk.offset(), "of " + name + " does not follow the upload so far ("
          + upload.size()[0] + ")");
    }
    if (upload.size()[0] + chunk.bytes().length > MAX_FILE_BYTES) {
      throw new InvalidInputException("name", name, "grows beyond the limit of " + MAX_FILE_BYTES + " bytes");
    }
    upload.out().write(chunk.bytes());
    upload.size()[0] += chunk.bytes().length;
    if (chunk.last()) {
      upload.out().close();
      uploads.remove(name);
      closeSpool(chunk.clientId(), name);
      Files.move(upload.part(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      uploaded.add(name);
    }
  }

  /** Returns whether {@code name} was uploaded whole. */
  boolean uploaded(String name) {
    return uploaded.contains(name);
  }

  /**
   * Marks client {@code client} lost in its client-K.properties, if it uploaded one (at the end of
   * its setup); a client lost before leaves none, as one that never finished its setup.
   */
  void markLost(int client) throws IOException {
    Path file = dir.resolve(RunFiles.clientProperties(client));
    closeSpool(client, RunFiles.clientHlog(client));
    closeSpool(client, RunFiles.clientOnlineCsv(client));
    if (!Files.isRegularFile(file)) {
      return;
    }
    Map<String, String> properties = new LinkedHashMap<>(PropertiesFile.read(file));
    properties.put(Client.STATUS.key(), Client.LOST);
    PropertiesFile.write(file, "redditclone simulator client " + client + ", marked lost by the run coordinator",
        properties);
  }

  private void closeSpool(int client, String name) throws IOException {
    if (name.equals(RunFiles.clientHlog(client)) && hlogs.containsKey(client)) {
      hlogs.remove(client).close();
    } else if (name.equals(RunFiles.clientOnlineCsv(client)) && onlines.containsKey(client)) {
      onlines.remove(client).close();
    }
  }

  /** Returns the names of the files client {@code client} may upload. */
  static Set<String> clientFiles(int client) {
    return Set.copyOf(RunFiles.clientUploads(client));
  }

  /** Closes every file still open; uploads not completed are dropped. */
  @Override
  public void close() throws IOException {
    for (IntervalLogWriter hlog : hlogs.values()) {
      hlog.close();
    }
    for (BufferedWriter online : onlines.values()) {
      online.close();
    }
    for (Upload upload : uploads.values()) {
      upload.out().close();
      Files.deleteIfExists(upload.part());
    }
    hlogs.clear();
    onlines.clear();
    uploads.clear();
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }
}
