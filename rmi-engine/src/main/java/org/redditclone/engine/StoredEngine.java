package org.redditclone.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.redditclone.engine.journal.DataDirLock;
import org.redditclone.engine.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine with its data folder: the folder locked, the journal replayed and checked, every
 * event journaled and every service call waiting as the fsync policy says. {@link EngineMain}
 * serves it over RMI; a launcher may call its {@link Engine#services()} in its own JVM.
 */
public final class StoredEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StoredEngine.class);
  /** How long a failed engine goes on refusing calls before it exits, so its answers arrive. */
  static final Duration FAILURE_GRACE = Duration.ofSeconds(1);

  private final Engine engine;
  private final Journal journal;
  private final DataDirLock lock;

  private StoredEngine(Engine engine, Journal journal, DataDirLock lock) {
    this.engine = engine;
    this.journal = journal;
    this.lock = lock;
  }

  /**
   * Returns the engine of {@code options}' data folder, created if missing, with the options'
   * password cost, session timeout and journal settings; its registry and network options are
   * not used here.
   *
   * @throws DataDirLock.InUseException if another engine holds the folder
   * @throws IOException if the folder cannot be created, locked or read
   */
  public static StoredEngine open(EngineOptions options) throws Exception {
    Objects.requireNonNull(options, "options");
    Path dataDir = options.dataDir().toAbsolutePath();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new IOException("--data-dir '" + options.dataDir() + "' cannot be created: " + e, e);
    }
    // A full disk is named as such before the lock below fails to write its file there.
    Journal.requireFreeSpace(dataDir);
    // Before anything reads or writes the folder: two engines on one journal corrupt it.
    DataDirLock lock = DataDirLock.acquire(dataDir);
    log.info("data directory {} (locked by this engine)", dataDir);
    EngineConfig config = new EngineConfig(options.passwordCost(), options.sessionIdleTimeout(), Clock.systemUTC());
    Engine engine = Engine.create(config);
    try {
      return new StoredEngine(engine, openJournal(engine, dataDir, options), lock);
    } catch (Exception e) {
      engine.close();
      lock.close();
      throw e;
    }
  }

  /**
   * Replays the journal of {@code dataDir} into {@code engine}, checks the invariants, and attaches
   * the journal: from here every event is journaled and every call waits as the fsync policy says.
   */
  private static Journal openJournal(Engine engine, Path dataDir, EngineOptions options) throws Exception {
    Journal journal = Journal.open(dataDir, options.journal(), engine::apply,
        failure -> stopAfterJournalFailure(dataDir, failure));
    try {
      journal.checkInvariants(engine::service);
      journal.registerMBean();
    } catch (Exception e) {
      journal.close();
      throw e;
    }
    engine.setEventSink(journal);
    engine.setCallBarrier(journal);
    return journal;
  }

  /**
   * Stops the process after its journal failed (fail-stop). The journal has already answered every
   * waiting call with the error and refuses every new one; the engine goes on refusing for
   * {@link #FAILURE_GRACE}, so that those answers reach their clients, then exits 1. It does not
   * serve on, not even reads: memory may hold changes of the failed batch that the journal lacks,
   * which were never acknowledged and are gone after a restart.
   */
  private static void stopAfterJournalFailure(Path dataDir, IOException failure) {
    log.error("engine stops: its journal in {} failed: {}; every call is refused from now on and the"
        + " engine exits 1 in {} ms. Changes not in the journal were never acknowledged and are gone"
        + " after a restart; make room or repair the disk, then start the engine again", dataDir,
        failure.getMessage(), FAILURE_GRACE.toMillis());
    try {
      Thread.sleep(FAILURE_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.error("engine exits 1: its journal in {} failed", dataDir);
    Runtime.getRuntime().halt(1);
  }

  /** Returns the engine. */
  public Engine engine() {
    return engine;
  }

  /** Returns the journal the engine writes to. */
  public Journal journal() {
    return journal;
  }

  /**
   * Closes the journal, stops the engine and releases the folder. Call it once no new service call
   * can come: a call still running waits for its events, which close writes, and an event
   * published after close began is refused, so nothing unwritten is acknowledged.
   */
  @Override
  public void close() {
    journal.close();
    engine.close();
    try {
      lock.close(); // last: the folder is another engine's to take only once nothing writes it
    } catch (IOException e) {
      log.warn("could not release {}: {}", DataDirLock.FILE, e.toString());
    }
  }
}
