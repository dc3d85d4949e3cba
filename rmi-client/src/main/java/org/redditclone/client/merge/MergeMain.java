package org.redditclone.client.merge;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.redditclone.client.connect.EngineConnection;
import org.redditclone.client.connect.RegistryAddress;
import org.redditclone.client.runfiles.RunFiles;

/**
 * The file-based merge of a run folder: the baseline before the clients start and the merge after
 * them. The run coordinator calls both for the runs it coordinates; this main re-merges a run
 * folder after the fact.
 *
 * <pre>
 * MergeMain baseline --run-dir DIR --registry HOST:PORT
 * MergeMain merge    --run-dir DIR --registry HOST:PORT [--expect-clients 1,2,3]
 * </pre>
 *
 * <p>Exit status: 0 when every check passed (or the baseline was written or already there), 3
 * when the consistency check failed (the engine and the run disagree about the run's own writes),
 * 2 on bad usage, 1 on any other error and when the check could not be made ({@code
 * consistency=not checked}: a client left no report, every client was lost during the run, or the
 * engine did not answer). A client lost during the run is left out, with a note: the others are
 * checked.
 */
public final class MergeMain {

  static final int USAGE = 2;

  static final String HELP = String.join("\n",
      "usage: MergeMain baseline --run-dir DIR --registry HOST:PORT",
      "       MergeMain merge    --run-dir DIR --registry HOST:PORT [--expect-clients 1,2,3]",
      "",
      "baseline  records the engine's counts in DIR/baseline.properties unless it exists",
      "merge     merges DIR/client-*.hlog etc. into merged.csv, setup.csv, timeline.csv,",
      "          errors.csv, zipf.csv, consistency.txt and run.properties, and checks, per",
      "          client and item, what the engine holds of the writes of the client's users",
      "          against what they were acknowledged; anyone else's writes during the run",
      "          are reported as outside writes and never fail the check",
      "",
      "exit status: 0 pass, 3 consistency check failed (the engine and the run disagree",
      "about the run's own writes), 2 bad usage, 1 other error or consistency not checked",
      "(a client left no client-K.properties: it never finished its setup; every client",
      "was lost; the engine did not answer). A client lost during the run (its file still",
      "says status=running) is not compared; the others are, and decide the verdict.");

  private MergeMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command of {@code args} and returns its exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("MergeMain: " + e.getMessage());
      err.println(HELP);
      return USAGE;
    }
    if (arguments.help()) {
      out.println(HELP);
      return RunMerger.OK;
    }
    return run(arguments.command(), arguments.runDir(), ConnectedEngine.at(arguments.registry()),
        arguments.expectedClients(), out, err);
  }

  /**
   * Records the counts of the engine {@code engine} reaches in {@code runDir}/baseline.properties,
   * unless the file exists, as {@code MergeMain baseline} does; returns the exit status.
   */
  public static int baseline(Path runDir, EngineConnection engine, PrintStream out, PrintStream err) {
    return run("baseline", runDir, new ConnectedEngine(engine), new TreeSet<>(), out, err);
  }

  /**
   * Merges the run in {@code runDir} and checks it against the counts of the engine {@code
   * engine} reaches, as {@code MergeMain merge} does, printing the summary; returns the exit
   * status.
   */
  public static int merge(Path runDir, EngineConnection engine, SortedSet<Integer> expectedClients,
      PrintStream out, PrintStream err) {
    return run("merge", runDir, new ConnectedEngine(engine), new TreeSet<>(expectedClients), out, err);
  }

  private static int run(String command, Path runDir, LiveEngine engine, SortedSet<Integer> expected,
      PrintStream out, PrintStream err) {
    try {
      if (command.equals("baseline")) {
        return baseline(runDir, engine, out);
      }
      return merge(runDir, engine, expected, out);
    } catch (IOException | RuntimeException e) {
      err.println("MergeMain " + command + " failed for " + runDir + ": " + RunMerger.describe(e));
      return RunMerger.ERROR;
    }
  }

  /**
   * Merges the run in {@code dir}, checks it against {@code engine}, prints the summary to {@code
   * out} (its last line the path of merged.csv) and returns the exit status: 0 pass, 3
   * consistency FAIL, 1 the check was not made.
   *
   * @param expected the clients that should have run, or empty to expect those found
   * @throws IOException if a file cannot be read or written, or the directory holds no client
   */
  public static int merge(Path dir, LiveEngine engine, SortedSet<Integer> expected, PrintStream out)
      throws IOException {
    RunMerger.Outcome outcome = new RunMerger(dir, engine).merge(expected);
    SummaryPrinter.print(out, dir, outcome);
    return outcome.exitStatus();
  }

  /** Writes the baseline unless it exists; returns the exit status. */
  public static int baseline(Path dir, LiveEngine engine, PrintStream out) throws IOException {
    Path file = dir.resolve(RunFiles.BASELINE_PROPERTIES);
    if (Files.exists(file)) {
      out.println("baseline exists, kept: " + file);
      return RunMerger.OK;
    }
    Files.createDirectories(dir);
    Map<String, Long> counts;
    try {
      counts = Baseline.counts(engine.stats());
    } catch (Exception e) {
      throw new IOException("cannot read the counts of " + engine + ": " + RunMerger.describe(e), e);
    }
    Baseline.write(file, counts, System.currentTimeMillis());
    out.println("baseline " + counts + " written to " + file);
    return RunMerger.OK;
  }

  /** The parsed command line. */
  record Arguments(
      String command, Path runDir, RegistryAddress registry, SortedSet<Integer> expectedClients,
      boolean help) {

    /**
     * Returns the arguments of {@code args}.
     *
     * @throws IllegalArgumentException naming the option and value that are wrong
     */
    static Arguments parse(String[] args) {
      if (args.length == 0) {
        throw new IllegalArgumentException("no command; expected baseline or merge");
      }
      for (String arg : args) {
        if (arg.equals("--help") || arg.equals("-h")) {
          return new Arguments("help", null, null, new TreeSet<>(), true);
        }
      }
      String command = args[0];
      if (!command.equals("baseline") && !command.equals("merge")) {
        throw new IllegalArgumentException("command '" + command + "' is unknown; expected baseline or merge");
      }
      Path runDir = null;
      RegistryAddress registry = null;
      SortedSet<Integer> expected = new TreeSet<>();
      for (int i = 1; i < args.length; i++) {
        String option = args[i];
        String value;
        int equals = option.indexOf('=');
        if (option.startsWith("--") && equals > 0) {
          value = option.substring(equals + 1);
          option = option.substring(0, equals);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new IllegalArgumentException(option + " has no value");
        }
        switch (option) {
          case "--run-dir" -> runDir = Path.of(value);
          case "--registry" -> registry = RegistryAddress.parse("--registry", value);
          case "--expect-clients" -> {
            if (!command.equals("merge")) {
              throw new IllegalArgumentException("--expect-clients is an option of merge only");
            }
            expected = clientIds(value);
          }
          default -> throw new IllegalArgumentException("option '" + option + "' is unknown");
        }
      }
      if (runDir == null) {
        throw new IllegalArgumentException("--run-dir is missing; it is required");
      }
      if (registry == null) {
        throw new IllegalArgumentException("--registry is missing; expected HOST:PORT");
      }
      return new Arguments(command, runDir, registry, expected, false);
    }

    private static SortedSet<Integer> clientIds(String value) {
      SortedSet<Integer> ids = new TreeSet<>();
      for (String part : value.split(",")) {
        try {
          int id = Integer.parseInt(part.strip());
          if (id < 0) {
            throw new NumberFormatException();
          }
          ids.add(id);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--expect-clients '" + value + "' holds '" + part
              + "', which is not a client id; expected ids like 1,2,3", e);
        }
      }
      return ids;
    }
  }
}
