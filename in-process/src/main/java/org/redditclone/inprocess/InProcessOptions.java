package org.redditclone.inprocess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link InProcessMain}.
 *
 * @param clients how many simulated clients, ids 1..clients
 * @param runDir the run folder every client writes into
 * @param dataDir the engine's data folder
 * @param passwordCost the engine's PBKDF2 iterations for new passwords
 * @param simulator the options passed on to every client, as SimClientMain takes them
 * @param help whether --help was given
 */
record InProcessOptions(int clients, Path runDir, Path dataDir, int passwordCost, List<String> simulator,
    boolean help) {

  /** The largest K, as scripts/start-clients.sh allows. */
  static final int MAX_CLIENTS = 1000;

  static final String USAGE = String.join("\n",
      "usage: InProcessMain --clients K --run-dir DIR --data-dir DIR [--password-cost N]",
      "                     [SIMULATOR OPTIONS...]",
      "",
      "Runs the engine and K simulated clients (ids 1..K) in this JVM, the clients calling the",
      "engine's service objects directly, with no RMI; then merges the run and checks it against the",
      "engine's counts, as scripts/start-clients.sh does for client JVMs. scripts/simulate.sh",
      "--in-process runs it.",
      "",
      "  --clients K          simulated clients, each with its own id, users and files (1.." + MAX_CLIENTS + ")",
      "  --run-dir DIR        the run folder: client-K.*, merged.csv and the rest",
      "  --data-dir DIR       the engine's data folder (journal, snapshots)",
      "  --password-cost N    PBKDF2 iterations for new passwords (default: the engine's)",
      "  SIMULATOR OPTIONS    passed to every client (SimClientMain --help), but for --client-id,",
      "                       --out and --registry, which this launcher sets or does not use",
      "",
      "exit status: 0 pass, 3 consistency check failed, 1 other failure (a client failed, the",
      "engine could not start), 2 bad usage");

  /**
   * Returns the options of {@code args}.
   *
   * @throws IllegalArgumentException naming the option and the value when one is bad or missing
   */
  static InProcessOptions parse(String... args) {
    int clients = 0;
    Path runDir = null;
    Path dataDir = null;
    int passwordCost = 0;
    List<String> simulator = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--help", "-h" -> {
          return new InProcessOptions(0, null, null, 0, List.of(), true);
        }
        case "--clients" -> clients = number(option, value(args, ++i, option), 1, MAX_CLIENTS);
        case "--run-dir" -> runDir = Path.of(value(args, ++i, option));
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, option));
        case "--password-cost" -> passwordCost = number(option, value(args, ++i, option), 1, Integer.MAX_VALUE);
        case "--client-id", "--out", "--registry" -> throw new IllegalArgumentException(
            option + " is not an option here: the launcher gives each client its id and the run"
                + " folder, and the engine is in this JVM");
        default -> simulator.add(option);
      }
    }
    if (clients == 0) {
      throw new IllegalArgumentException("--clients is missing; it is required (1.." + MAX_CLIENTS + ")");
    }
    if (runDir == null) {
      throw new IllegalArgumentException("--run-dir is missing; it is required (the run folder)");
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("--data-dir is missing; it is required (the engine's data folder)");
    }
    return new InProcessOptions(clients, runDir, dataDir, passwordCost, List.copyOf(simulator), false);
  }

  /** Returns the arguments of SimClientMain for client {@code k}. */
  String[] clientArgs(int k) {
    List<String> args = new ArrayList<>(simulator);
    args.addAll(List.of("--client-id", Integer.toString(k), "--out", runDir.toString()));
    return args.toArray(String[]::new);
  }

  /** Returns the engine's options: the data folder and, when given, the password cost. */
  String[] engineArgs() {
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
    if (passwordCost > 0) {
      args.addAll(List.of("--password-cost", Integer.toString(passwordCost)));
    }
    return args.toArray(String[]::new);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].isEmpty()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int number(String option, String value, int min, int max) {
    long n;
    try {
      n = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " '" + value + "' is not a whole number", e);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(option + " " + value + " is out of range; it must be " + min + ".." + max);
    }
    return (int) n;
  }
}
