package org.redditclone.client.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.redditclone.client.runfiles.RunFiles;

/**
 * {@code ReportMain RUN_DIR [--out FILE]}: (re)writes the run's self-contained report.html.
 * Exit status: 0 written, 1 the run could not be read or the page not written, 2 bad usage.
 */
public final class ReportMain {

  static final String USAGE = String.join("\n",
      "Usage: report.sh RUN_DIR [--out FILE]",
      "",
      "Writes RUN_DIR/report.html (or FILE), the run page with the run's data in it: the merged",
      "table, thresholds, interactive charts of throughput, latency percentiles and errors over",
      "time, clients and users online, the engine's GC and CPU, the latency percentile spectrum",
      "and subreddit members by rank with the fitted Zipf law; the clients, the failed calls by",
      "type and the configuration. Self-contained: opens from disk with no network.",
      "",
      "  --out FILE   where to write the page (default RUN_DIR/report.html)",
      "  --help       this text",
      "",
      "Exit status: 0 written, 1 the run could not be read, 2 bad usage.");

  private ReportMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the tool and returns its exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Path runDir = null;
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println(USAGE);
        return 0;
      } else if (arg.equals("--out") || arg.startsWith("--out=")) {
        String value = arg.startsWith("--out=") ? arg.substring(6) : i + 1 < args.length ? args[++i] : null;
        if (value == null || value.isBlank()) {
          return usage(err, "--out needs a file");
        }
        file = Path.of(value);
      } else if (arg.startsWith("-")) {
        return usage(err, "unknown option '" + arg + "'");
      } else if (runDir != null) {
        return usage(err, "one RUN_DIR only, but got '" + runDir + "' and '" + arg + "'");
      } else {
        runDir = Path.of(arg);
      }
    }
    if (runDir == null) {
      return usage(err, "RUN_DIR is missing");
    }
    if (!Files.isDirectory(runDir)) {
      return usage(err, "RUN_DIR '" + runDir + "' is not a directory");
    }
    try {
      Path written = file != null ? file : runDir.resolve(RunFiles.REPORT_HTML);
      RunPage.write(written, RunPage.report(FolderView.read(runDir)));
      out.println("report: wrote " + written);
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("report: cannot write the report of " + runDir + ": " + e.getMessage());
      return 1;
    }
  }

  private static int usage(PrintStream err, String message) {
    err.println("report: " + message);
    err.println("try: report.sh --help");
    return 2;
  }
}
