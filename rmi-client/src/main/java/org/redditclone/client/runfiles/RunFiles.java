package org.redditclone.client.runfiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The names of the files of a run directory, and the one way to write a run file whole.
 *
 * <p>Per client {@code K}: {@code client-K.hlog} (steady-phase interval log, 1 s intervals),
 * {@code client-K.setup.hlog} (one interval per tag covering the whole setup phase), {@code
 * client-K.csv} and {@code client-K.setup.csv} (summaries, {@link RunColumns.Summary}), {@code
 * client-K.errors.csv} ({@link RunColumns.Errors}), {@code client-K.online.csv} ({@link
 * RunColumns.Online}), {@code client-K.users.csv} ({@link RunColumns.Users}) and {@code
 * client-K.properties} ({@link RunKeys.Client}). The merge adds
 * the files named by the constants below. {@link RunSchema} describes them all.
 */
public final class RunFiles {

  public static final String MERGED_CSV = "merged.csv";
  public static final String SETUP_CSV = "setup.csv";
  public static final String TIMELINE_CSV = "timeline.csv";
  public static final String ERRORS_CSV = "errors.csv";
  public static final String RUN_PROPERTIES = "run.properties";
  public static final String BASELINE_PROPERTIES = "baseline.properties";
  public static final String CONSISTENCY_TXT = "consistency.txt";
  public static final String ZIPF_CSV = "zipf.csv";
  public static final String REPORT_HTML = "report.html";
  public static final String ENGINE_CSV = "engine.csv";
  public static final String THRESHOLDS_TXT = "thresholds.txt";

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

  /** Returns {@code client-K.log}: the client's standard output and error. */
  public static String clientLog(int clientId) {
    return client(clientId) + ".log";
  }

  /** Returns {@code client-K.users.csv}: what the engine acknowledged to each user of the client. */
  public static String clientUsersCsv(int clientId) {
    return client(clientId) + ".users.csv";
  }

  /**
   * Returns the files client {@code clientId} writes and, in a coordinated run, uploads at its end
   * (the coordinator takes no other name from it): its properties first, as a client also uploads
   * them alone once set up.
   */
  public static List<String> clientUploads(int clientId) {
    return List.of(clientProperties(clientId), clientSetupHlog(clientId), clientSetupCsv(clientId),
        clientHlog(clientId), clientOnlineCsv(clientId), clientCsv(clientId), clientErrorsCsv(clientId),
        clientUsersCsv(clientId));
  }

  /** Returns {@code client-K.properties}, written by the simulator. */
  public static String clientProperties(int clientId) {
    return client(clientId) + ".properties";
  }

  /**
   * Writes {@code text} as UTF-8 to {@code file} through a temporary file and a move, so a reader
   * never sees half a file; the file gets the permissions of any new file of the user (readable
   * by all under the usual umask). Every run file is written so, except the two logs that grow
   * during the run, client-K.hlog and client-K.online.csv, which are appended to line by line.
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
