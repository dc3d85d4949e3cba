package org.redditclone.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.redditclone.engine.EngineOptions.UsageException;
import org.redditclone.engine.journal.DataDirLock;
import org.redditclone.engine.journal.Journal;
import org.redditclone.engine.rmi.RmiServer;
import org.redditclone.engine.rmi.RmiSettings;
import org.redditclone.engine.stats.EngineMBeans;
import org.redditclone.rmi.RmiEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine process: parses options, starts the engine, serves until SIGTERM. */
public final class EngineMain {

  private static final Logger log = LoggerFactory.getLogger(EngineMain.class);

  /** How long to wait for a registry that is not up yet. */
  static final Duration REGISTRY_WAIT = Duration.ofSeconds(10);

  /** How long the engine refuses calls after its journal failed, before it exits 1. */

  /** The words scripts wait for in the log before they start clients. */
  public static final String READY = "engine ready";

  private EngineMain() {}

  /** Runs the engine; exits 2 on a bad option, 1 if it cannot start. */
  public static void main(String[] args) {
    List<String> given = List.of(args);
    boolean checkOnly = given.contains(EngineOptions.CHECK_OPTIONS);
    EngineOptions options;
    try {
      options = EngineOptions.parse(given.stream()
          .filter(a -> !a.equals(EngineOptions.CHECK_OPTIONS)).toArray(String[]::new));
    } catch (UsageException e) {
      System.err.println(checkOnly ? e.getMessage() : "engine: " + e.getMessage()); // the script says who
      if (!checkOnly) {
        System.err.println("run with --help to see the options");
      }
      System.exit(2);
      return;
    }
    if (checkOnly) {
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
    RmiEndpoint.advertise(bind); // stubs carry this host; clients reach the engine where it listens
    StoredEngine stored = StoredEngine.open(options);
    RmiSettings settings = new RmiSettings(options.registryHost(), options.registryPort(),
        options.embeddedRegistry(), bind, options.port(), REGISTRY_WAIT, options.registrySecret());
    RmiServer server = null;
    AutoCloseable mbean;
    try {
      server = RmiServer.start(settings, stored.engine().services());
      mbean = EngineMBeans.register(stored.engine()::stats);
    } catch (Exception e) {
      if (server != null) {
        server.close();
      }
      stored.close();
      throw e;
    }
    Running running = new Running(stored, server, mbean, settings);
    EngineConfig config = stored.engine().config();
    log.info("{} (password cost {}, session idle timeout {}, bind {}, embedded registry {})",
        running.readyLine(), config.passwordCost(), config.sessionIdleTimeout(),
        bind.getHostAddress(), options.embeddedRegistry());
    return running;
  }

  /** A started engine: close it to unbind, unexport and stop. */
  public static final class Running implements AutoCloseable {
    private final StoredEngine stored;
    private final RmiServer server;
    private final AutoCloseable mbean;
    private final RmiSettings settings;

    Running(StoredEngine stored, RmiServer server, AutoCloseable mbean, RmiSettings settings) {
      this.stored = stored;
      this.server = server;
      this.mbean = mbean;
      this.settings = settings;
    }

    /** Returns the engine. */
    public Engine engine() {
      return stored.engine();
    }

    /** Returns the journal the engine writes to. */
    public Journal journal() {
      return stored.journal();
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
      stored.close(); // after the server: no call can add an event the journal would not write
      log.info("engine stopped");
    }
  }
}
