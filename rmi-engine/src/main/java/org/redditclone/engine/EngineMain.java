package org.redditclone.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.redditclone.engine.EngineOptions.UsageException;
import org.redditclone.engine.journal.DataDirLock;
import org.redditclone.engine.journal.Journal;
import org.redditclone.engine.rmi.RmiServer;
import org.redditclone.engine.rmi.RmiSettings;
import org.redditclone.engine.stats.EngineMBeans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine process: parses options, starts the engine, serves until SIGTERM. */
public final class EngineMain {

  private static final Logger log = LoggerFactory.getLogger(EngineMain.class);

  /** How long to wait for a registry that is not up yet. */
  static final Duration REGISTRY_WAIT = Duration.ofSeconds(10);

  /** How long the engine refuses calls after its journal failed, before it exits 1. */
  static final Duration FAILURE_GRACE = Duration.ofSeconds(1);

  /** The words scripts wait for in the log before they start clients. */
  public static final String READY = "engine ready";

  private EngineMain() {}

  /** Runs the engine; exits 2 on a bad option, 1 if it cannot start. */
  public static void main(String[] args) {
    EngineOptions options;
    try {
      options = EngineOptions.parse(args);
    } catch (UsageException e) {
      System.err.println("engine: " + e.getMessage());
      System.err.println("run with --help to see the options");
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(EngineOptions.USAGE);
      return;
    }
    Running running;
    try {
      running = start(options);
    } catch (UsageException e) {
      System.err.println("engine: " + e.getMessage());
      System.exit(2);
      return;
    } catch (DataDirLock.InUseException e) {
      log.error("engine refused to start: {}", e.getMessage());
      System.err.println("engine: " + e.getMessage());
      System.exit(1);
      return;
    } catch (Exception e) {
      log.error("engine failed to start: {}", e.getMessage(), e);
      System.err.println("engine: failed to start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("shutdown requested; stopping the engine");
      running.close();
      stopped.countDown();
    }, "engine-shutdown"));
    System.out.println(running.readyLine());
    System.out.flush();
    try {
      stopped.await(); // exported objects keep RMI's threads alive; this only makes waiting explicit
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Starts an engine as {@code options} say: data directory, engine, export and binding, JMX.
   * Logs the ready line before it returns.
   */
  public static Running start(EngineOptions options) throws Exception {
    InetAddress bind;
    try {
      bind = InetAddress.getByName(options.bindAddress());
    } catch (UnknownHostException e) {
      throw new UsageException("--bind-address '" + options.bindAddress() + "' is not a known address");
    }
    if (System.getProperty("java.rmi.server.hostname") == null) {
      // Stubs carry this host; clients must reach the engine at the address it listens on.
      System.setProperty("java.rmi.server.hostname", bind.getHostAddress());
    }
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
    Journal journal;
    try {
      journal = openJournal(engine, dataDir, options);
    } catch (Exception e) {
      engine.close();
      lock.close();
      throw e;
    }
    RmiSettings settings = new RmiSettings(options.registryHost(), options.registryPort(),
        options.embeddedRegistry(), bind, options.port(), REGISTRY_WAIT, options.registrySecret());
    RmiServer server = null;
    AutoCloseable mbean;
    try {
      server = RmiServer.start(settings, engine.services());
      mbean = EngineMBeans.register(engine::stats);
    } catch (Exception e) {
      if (server != null) {
        server.close();
      }
      journal.close();
      engine.close();
      lock.close();
      throw e;
    }
    Running running = new Running(engine, server, mbean, settings, journal, lock);
    log.info("{} (password cost {}, session idle timeout {}, bind {}, embedded registry {})",
        running.readyLine(), config.passwordCost(), config.sessionIdleTimeout(),
        bind.getHostAddress(), options.embeddedRegistry());
    return running;
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

  /** A started engine: close it to unbind, unexport and stop. */
  public static final class Running implements AutoCloseable {
    private final Engine engine;
    private final RmiServer server;
    private final AutoCloseable mbean;
    private final RmiSettings settings;
    private final Journal journal;
    private final DataDirLock lock;

    Running(Engine engine, RmiServer server, AutoCloseable mbean, RmiSettings settings, Journal journal,
        DataDirLock lock) {
      this.engine = engine;
      this.server = server;
      this.mbean = mbean;
      this.settings = settings;
      this.journal = journal;
      this.lock = lock;
    }

    /** Returns the engine. */
    public Engine engine() {
      return engine;
    }

    /** Returns the journal the engine writes to. */
    public Journal journal() {
      return journal;
    }

    /** Returns the line that announces readiness, e.g. {@code engine ready registry=127.0.0.1:1099 services=7}. */
    public String readyLine() {
      return READY + " registry=" + settings.registryAddress() + " services=" + server.serviceCount();
    }

    /** Unbinds and unexports every service, unregisters JMX and stops the engine. Idempotent. */
    @Override
    public void close() {
      server.close();
      try {
        mbean.close();
      } catch (Exception e) {
        log.warn("could not unregister the JMX MBean {}: {}", EngineMBeans.OBJECT_NAME, e.toString());
      }
      // After the server. A call still running waits for its events, which close writes; an
      // event published after close began is refused, so nothing unwritten is acknowledged.
      journal.close();
      engine.close();
      try {
        lock.close(); // last: the folder is another engine's to take only once nothing writes it
      } catch (IOException e) {
        log.warn("could not release {}: {}", DataDirLock.FILE, e.toString());
      }
      log.info("engine stopped");
    }
  }
}
