package org.redditclone.client.coordinator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.redditclone.api.Durations;
import org.redditclone.client.connect.RegistryAddress;

/**
 * The options of one run's coordinator, parsed and checked; a bad one fails with an {@link
 * IllegalArgumentException} naming the option, the value and the rule.
 *
 * @param runDir the run folder it writes
 * @param registry the engine's registry
 * @param bindAddress the address it listens on (loopback by default)
 * @param port its registry's port, and that of the coordinator itself; 0 for a free one
 * @param httpPort the port of its live page on 127.0.0.1; 0 for a free one
 * @param expectedClients how many clients the window waits for
 * @param reservedIds client ids 1..N kept for the clients the calling script starts; 0 for none
 * @param duration the measured window
 * @param warmup the load before it, once the expected clients are set up
 * @param thresholds every --threshold, in the order given
 * @param abortOnFail whether a failed threshold ends the run once 10 s of the window are measured
 * @param addressFile where to write HOST:PORT once it serves, or null
 * @param checkOnly whether to check the options and exit
 * @param help whether to print the help and exit
 */
record CoordinatorOptions(Path runDir, RegistryAddress registry, InetAddress bindAddress, int port,
    int httpPort, int expectedClients, int reservedIds, Duration duration, Duration warmup, List<Threshold> thresholds, boolean abortOnFail,
    Path addressFile, boolean checkOnly, boolean help) {

  static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
  static final Duration MAX_DURATION = Duration.ofDays(7);
  static final String CHECK_OPTIONS = "--check-options";

  static final String USAGE = String.join("\n",
      "usage: CoordinatorMain --run-dir DIR --registry HOST:PORT [--port P] [--bind-address ADDR] [--http-port P]",
      "                       [--expect-clients K] [--reserve-ids N] [--duration D] [--warmup D]",
      "                       [--threshold EXPR]... [--abort-on-fail] [--address-file FILE]",
      "",
      "Coordinates one run: client JVMs join it (--coordinator HOST:PORT), measure one common window",
      "and push each second to it; it prints a live line, serves a live page, reads the engine's GC and",
      "CPU each second, and at the end writes the run folder from what the clients uploaded, merged and",
      "checked, and its report.html.",
      "",
      "  --run-dir DIR        the run folder it writes (its name is the run id)",
      "  --registry HOST:PORT the engine's registry",
      "  --port P             the port of its registry and of itself (default: a free one)",
      "  --bind-address ADDR  the address it listens on (default 127.0.0.1: this host only);",
      "                       TLS with -Dredditclone.tls=true and the JSSE key and trust stores",
      "  --http-port P        the port of the live page, always on 127.0.0.1 (default: a free one)",
      "  --expect-clients K   the window starts once K clients are set up (default 1)",
      "  --reserve-ids N      keep client ids 1..N for the clients the calling script starts; a client",
      "                       that asks for no id is handed another",
      "  --duration D         the measured window: 500ms, 30s, 2m (default 60s)",
      "  --warmup D           load before the window once the K clients are set up (default 0)",
      "  --threshold EXPR     a pass/fail gate on the window, repeatable: " + Threshold.GRAMMAR,
      "  --abort-on-fail      end the run once a threshold fails over at least 10 s of the window",
      "  --address-file FILE  write HOST:PORT to FILE once it serves",
      "  --check-options      check the other options and exit: 0 good, 2 and the error on stderr",
      "",
      "Exit status: 0 pass, 3 consistency check failed, 4 a threshold failed, 1 other failure (or the",
      "check could not be made), 2 bad usage. A consistency FAIL wins over a threshold FAIL.");

  /**
   * Returns the options of {@code args}; {@code --opt value} and {@code --opt=value} both work.
   *
   * @throws IllegalArgumentException naming the option and value that are wrong
   */
  static CoordinatorOptions parse(String... args) {
    Path runDir = null;
    RegistryAddress registry = null;
    String bind = "127.0.0.1";
    int port = 0;
    int httpPort = 0;
    int expected = 1;
    int reserved = 0;
    Duration duration = DEFAULT_DURATION;
    Duration warmup = Duration.ZERO;
    List<Threshold> thresholds = new ArrayList<>();
    boolean abortOnFail = false;
    Path addressFile = null;
    boolean checkOnly = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value = null;
      int eq = name.indexOf('=');
      if (name.startsWith("--") && eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      switch (name) {
        case "--help", "-h" -> {
          return new CoordinatorOptions(null, null, null, 0, 0, 1, 0, duration, warmup, List.of(), false, null, false,
              true);
        }
        case CHECK_OPTIONS -> checkOnly = true;
        case "--abort-on-fail" -> abortOnFail = true;
        default -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException(name + " needs a value");
            }
            value = args[++i];
          }
          switch (name) {
            case "--run-dir" -> runDir = Path.of(nonBlank(name, value));
            case "--registry" -> registry = RegistryAddress.parse(name, value);
            case "--bind-address" -> bind = nonBlank(name, value);
            case "--port" -> port = number(name, value, 0, 65535);
            case "--http-port" -> httpPort = number(name, value, 0, 65535);
            case "--expect-clients" -> expected = number(name, value, 1, 10_000);
            case "--reserve-ids" -> reserved = number(name, value, 1, 1000);
            case "--duration" -> duration = Durations.parse(name, value, Duration.ofMillis(1), MAX_DURATION);
            case "--warmup" -> warmup = Durations.parse(name, value, Duration.ZERO, MAX_DURATION);
            case "--threshold" -> thresholds.add(Threshold.parse(value));
            case "--address-file" -> addressFile = Path.of(nonBlank(name, value));
            default -> throw new IllegalArgumentException("unknown option '" + name + "'; see --help");
          }
        }
      }
    }
    if (runDir == null) {
      throw new IllegalArgumentException("--run-dir is missing; it is required (the run folder)");
    }
    if (registry == null) {
      throw new IllegalArgumentException("--registry is missing; it is required (the engine's HOST:PORT)");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind-address '" + bind + "' is not a known address", e);
    }
    return new CoordinatorOptions(runDir, registry, address, port, httpPort, expected, reserved, duration, warmup, thresholds,
        abortOnFail, addressFile, checkOnly, false);
  }

  /** Returns {@code d} as the options are written, {@code 0s} for none (not the grammar's {@code 0d}). */
  static String text(Duration d) {
    return d.isZero() ? "0s" : Durations.text(d);
  }

  /** Returns the run id: the run folder's name. */
  String runId() {
    return runDir.toAbsolutePath().normalize().getFileName().toString();
  }

  private static String nonBlank(String option, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(option + " is empty");
    }
    return value;
  }

  private static int number(String option, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(option + " '" + value + "' must be a whole number " + min + ".." + max);
  }
}
