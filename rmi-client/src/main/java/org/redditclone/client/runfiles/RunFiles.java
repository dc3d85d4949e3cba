package org.redditclone.client.runfiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The names and headers of the files of a run directory, in one place.
 *
 * <p>Per client {@code K}: {@code client-K.hlog} (steady-phase interval log, 1 s intervals),
 * {@code client-K.setup.hlog} (one interval per tag covering the whole setup phase), {@code
 * client-K.csv} and {@code client-K.setup.csv} (summaries, {@link #SUMMARY_HEADER}), {@code
 * client-K.errors.csv} ({@link #ERRORS_HEADER}), {@code client-K.online.csv} ({@link
 * #ONLINE_HEADER}) and {@code client-K.properties} (written by the simulator).
 */
public final class RunFiles {

  /** The header of every summary: client-K.csv, client-K.setup.csv, merged.csv, setup.csv. */
  public static final String SUMMARY_HEADER =
      "op,count,errors,throughput_per_s,mean_ms,p50_ms,p90_ms,p99_ms,p999_ms,max_ms";

  /** The header of client-K.errors.csv and errors.csv. */
  public static final String ERRORS_HEADER = "phase,op,error_type,count";

  /** The header of client-K.online.csv. */
  public static final String ONLINE_HEADER = "epoch_ms,online";

  /** The header of timeline.csv. */
  public static final String TIMELINE_HEADER = "second,op,count,errors,p50_ms,p99_ms,users_online";

  /** The op column of the row that sums all operations. */
  public static final String ALL = "ALL";

  public static final String MERGED_CSV = "merged.csv";
  public static final String SETUP_CSV = "setup.csv";
  public static final String TIMELINE_CSV = "timeline.csv";
  public static final String ERRORS_CSV = "errors.csv";
  public static final String RUN_PROPERTIES = "run.properties";
  public static final String BASELINE_PROPERTIES = "baseline.properties";
  public static final String CONSISTENCY_TXT = "consistency.txt";
  public static final String ZIPF_CSV = "zipf.csv";

  private RunFiles() {}

  /** Returns {@code client-K.hlog}: the steady phase, 1 s intervals. */
  public static String clientHlog(int clientId) {
    return client(clientId) + ".hlog";
  }

  /** Returns {@code client-K.setup.hlog}: the setup phase, one interval per tag. */
  public static String clientSetupHlog(int clientId) {
    return client(clientId) + ".setup.hlog";
  }

  /** Returns {@code client-K.csv}: the client's steady-phase summary. */
  public static String clientCsv(int clientId) {
    return client(clientId) + ".csv";
  }

  /** Returns {@code client-K.setup.csv}: the client's setup-phase summary. */
  public static String clientSetupCsv(int clientId) {
    return client(clientId) + ".setup.csv";
  }

  /** Returns {@code client-K.errors.csv}. */
  public static String clientErrorsCsv(int clientId) {
    return client(clientId) + ".errors.csv";
  }

  /** Returns {@code client-K.online.csv}. */
  public static String clientOnlineCsv(int clientId) {
    return client(clientId) + ".online.csv";
  }

  /** Returns {@code client-K.properties}, written by the simulator. */
  public static String clientProperties(int clientId) {
    return client(clientId) + ".properties";
  }

  /**
   * Writes {@code text} as UTF-8 to {@code file} through a temporary file and a move, so a reader
   * never sees half a file.
   */
  public static void writeAtomically(Path file, CharSequence text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    // Not Files.createTempFile: it makes the file private (0600), and run files are for reading.
    Path temp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid()
        + "." + Thread.currentThread().getId() + ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String client(int clientId) {
    if (clientId < 0) {
      throw new IllegalArgumentException("clientId is " + clientId + "; it cannot be negative");
    }
    return "client-" + clientId;
  }
}
