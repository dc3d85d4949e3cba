package org.redditclone.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * The exclusive lock of one engine on its data folder: an OS lock ({@link FileChannel#tryLock()})
 * on the file {@code LOCK} in it, held until {@link #close()} or the process ends. The OS drops
 * the lock with the process, even on SIGKILL, so a {@code LOCK} file left by a dead engine never
 * blocks a start. The file itself stays (deleting it would let two engines lock two different
 * files of that name); it names the holder's pid and start time, for the refusal message.
 */
public final class DataDirLock implements AutoCloseable {

  /** The file's name in the data folder. */
  public static final String FILE = "LOCK";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final FileChannel channel;

  private DataDirLock(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Returns the lock on {@code dir}, which must exist, after writing this process's pid and start
   * time into its {@code LOCK} file.
   *
   * @throws InUseException if another engine holds it (another process, or this one)
   * @throws IOException if the file cannot be opened, locked or written
   */
  public static DataDirLock acquire(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    // Not truncated on open: until the lock is ours, the file belongs to the engine holding it.
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // an engine in this JVM holds it
      }
      if (lock == null) {
        throw new InUseException(dir, holder(file));
      }
      String holder = "pid=" + ProcessHandle.current().pid() + "\nstarted=" + Instant.now() + "\n";
      try {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(true);
      } catch (IOException e) {
        throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
      }
      return new DataDirLock(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Returns "pid N, started T" from a LOCK file, or what is missing from it. */
  private static String holder(Path file) {
    Properties p = new Properties();
    try (var in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return "its " + FILE + " file cannot be read: " + e.getMessage();
    }
    String pid = p.getProperty("pid");
    String started = p.getProperty("started");
    if (pid == null || started == null) {
      return "it is starting: its " + FILE + " file does not name it yet";
    }
    return "pid " + pid + ", started " + localTime(started);
  }

  /** Returns an instant as this host's local time, with the day unless it is today. */
  private static String localTime(String instant) {
    try {
      LocalDateTime t = LocalDateTime.ofInstant(Instant.parse(instant), ZoneId.systemDefault());
      return (t.toLocalDate().equals(LocalDate.now()) ? TIME : DAY_AND_TIME).format(t);
    } catch (DateTimeParseException e) {
      return instant;
    }
  }

  /** Releases the lock (closing its channel does); the file stays. */
  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Another engine holds the data folder. */
  public static final class InUseException extends IOException {
    private static final long serialVersionUID = 1L;

    InUseException(Path dir, String holder) {
      super("data folder " + dir + " is in use by another engine (" + holder + "); stop it first");
    }
  }
}
