package org.redditclone.engine;

import java.nio.file.Path;
import java.time.Duration;
import org.redditclone.api.Bindings;
import org.redditclone.api.Durations;
import org.redditclone.engine.journal.FsyncPolicy;
import org.redditclone.engine.journal.JournalOptions;

/**
 * The command-line options of the engine process.
 *
 * @param registryHost host of the registry
 * @param registryPort port of the registry
 * @param embeddedRegistry whether to create the registry in-process
 * @param dataDir where the engine keeps its data
 * @param passwordCost PBKDF2 iterations for new password hashes
 * @param bindAddress the address the engine's sockets listen on
 * @param port the port objects are exported on, 0 for any
 * @param sessionIdleTimeout idle time after which a session expires
 * @param journal how the journal in {@code dataDir} writes, compacts and recovers
 * @param registrySecret the secret file of the separate registry (start-registry.sh's), or null
 * @param help whether --help was given
 */
public record EngineOptions(
    String registryHost,
    int registryPort,
    boolean embeddedRegistry,
    Path dataDir,
    int passwordCost,
    String bindAddress,
    int port,
    Duration sessionIdleTimeout,
    JournalOptions journal,
    Path registrySecret,
    boolean help) {

  /** The option that asks only whether the others are good (the scripts ask before they start anything). */
  public static final String CHECK_OPTIONS = "--check-options";

  /** The text --help prints. */
  public static final String USAGE = String.join("\n",
      "Usage: EngineMain [options]",
      "Runs the redditclone engine and binds its services in an RMI registry.",
      "",
      "  --registry HOST:PORT           registry to bind into (default 127.0.0.1:" + Bindings.DEFAULT_REGISTRY_PORT + ");",
      "                                 without --embedded-registry it must be running (waits ~10 s)",
      "  --embedded-registry            create the registry in this JVM on the --registry port",
      "  --registry-secret FILE         the secret file of a registry started by start-registry.sh,",
      "                                 which binds only for the engine that reads it (start-engine.sh",
      "                                 passes STATE/registry.secret when it exists)",
      "  --data-dir DIR                 data directory, created if missing (default ./data)",
      "  --password-cost N              PBKDF2 iterations for new passwords, >= 1 (default "
          + EngineConfig.DEFAULT_PASSWORD_COST + ")",
      "  --bind-address ADDR            address the engine listens on (default 127.0.0.1);",
      "                                 also sets java.rmi.server.hostname unless already set",
      "  --port P                       port the services are exported on, 0 = any free port (default 0)",
      "  --session-idle-timeout DUR     idle time before a session expires (default 24h); a",
      "                                 duration: " + Durations.FORMS,
      "  --fsync always|interval|none   when the journal forces to disk: before each call returns,",
      "                                 every --fsync-interval, or only when a segment is full",
      "                                 (default interval); a call always waits until its change",
      "                                 is written, so killing the engine loses nothing",
      "  --fsync-interval DUR           how often --fsync interval forces (default 100ms)",
      "  --snapshot-every N             events between snapshots, 0 = never (default "
          + JournalOptions.DEFAULT_SNAPSHOT_EVERY + ")",
      "  --repair                       start despite a damaged journal record: keep what is before",
      "                                 it, move the rest aside as *.damaged files",
      "  --check-options                check the other options and exit, printing nothing: 0 when",
      "                                 good, 2 with the reason when not (the scripts ask first)",
      "  --help                         print this help and exit",
      "",
      "Exit codes: 0 stopped cleanly, 1 failed to start, 2 bad option.");

  /** A bad command line; the message names the option and the value. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Returns the options of {@code args}, defaults for those not given. */
  public static EngineOptions parse(String... args) throws UsageException {
    String registryHost = "127.0.0.1";
    int registryPort = Bindings.DEFAULT_REGISTRY_PORT;
    boolean embedded = false;
    Path dataDir = Path.of("data");
    int cost = EngineConfig.DEFAULT_PASSWORD_COST;
    String bindAddress = "127.0.0.1";
    int port = 0;
    Duration idle = EngineConfig.DEFAULT_SESSION_IDLE_TIMEOUT;
    JournalOptions journal = JournalOptions.defaults();
    Path registrySecret = null;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--help", "-h" -> help = true;
        case "--embedded-registry" -> embedded = true;
        case "--registry" -> {
          String value = value(args, ++i, option);
          int colon = value.lastIndexOf(':');
          if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException("--registry '" + value + "' must be HOST:PORT, e.g. 127.0.0.1:1099");
          }
          registryHost = value.substring(0, colon);
          registryPort = integer(option, value.substring(colon + 1), 1, 65535);
        }
        case "--registry-secret" -> registrySecret = path(option, value(args, ++i, option));
        case "--data-dir" -> dataDir = path(option, value(args, ++i, option));
        case "--password-cost" -> cost = integer(option, value(args, ++i, option), 1, Integer.MAX_VALUE);
        case "--bind-address" -> bindAddress = value(args, ++i, option);
        case "--port" -> port = integer(option, value(args, ++i, option), 0, 65535);
        case "--session-idle-timeout" -> idle = duration(option, value(args, ++i, option));
        case "--fsync" -> journal = journal.withFsync(fsync(value(args, ++i, option)));
        case "--fsync-interval" -> journal = journal.withFsyncInterval(duration(option, value(args, ++i, option)));
        case "--snapshot-every" -> journal = journal.withSnapshotEvery(integer(option, value(args, ++i, option), 0, Integer.MAX_VALUE));
        case "--repair" -> journal = journal.withRepair(true);
        default -> throw new UsageException("unknown option '" + option + "'");
      }
    }
    if (embedded && registrySecret != null) {
      throw new UsageException("--registry-secret '" + registrySecret + "' is for a separate registry; "
          + "--embedded-registry needs none");
    }
    return new EngineOptions(registryHost, registryPort, embedded, dataDir, cost, bindAddress, port,
        idle, journal, registrySecret, help);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static int integer(String option, String value, int min, int max) throws UsageException {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new UsageException(option + " '" + value + "' must be an integer " + min + ".." + max);
  }

  private static FsyncPolicy fsync(String value) throws UsageException {
    try {
      return FsyncPolicy.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--fsync '" + value + "' must be always, interval or none");
    }
  }

  private static Path path(String option, String value) throws UsageException {
    try {
      return Path.of(value);
    } catch (RuntimeException e) {
      throw new UsageException(option + " '" + value + "' is not a path: " + e.getMessage());
    }
  }

  /** Returns a positive duration in the grammar of {@link Durations}: 90s, 30m, 7d, PT30M and so on. */
  static Duration duration(String option, String value) throws UsageException {
    try {
      return Durations.parsePositive(option, value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
