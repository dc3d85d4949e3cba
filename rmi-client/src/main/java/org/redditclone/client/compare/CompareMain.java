package org.redditclone.client.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.redditclone.client.report.FolderView;
import org.redditclone.client.report.RunDir;
import org.redditclone.client.report.RunPage;
import org.redditclone.client.report.RunViewJson;

/**
 * {@code CompareMain [options] RUN_A RUN_B} or {@code CompareMain [options] A1 A2 .. -- B1 B2 ..}:
 * prints the comparison of two sides of runs. See {@link CompareOptions#usage()}.
 */
public final class CompareMain {

  /** Exit status when a significant regression exceeds {@code --fail-on-regression}. */
  static final int REGRESSION = 1;

  /** Exit status of bad usage or an unreadable run. */
  static final int USAGE = 2;

  private CompareMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the tool and returns its exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    CompareOptions options;
    try {
      options = CompareOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("compare: " + e.getMessage());
      err.println("try: compare.sh --help");
      return USAGE;
    }
    if (options.help) {
      out.println(CompareOptions.usage());
      return 0;
    }
    Side a;
    Side b;
    Comparison comparison;
    try {
      a = new Side("A", read(options.a));
      b = new Side("B", read(options.b));
      comparison = Comparison.of(a, b, options.alpha);
    } catch (IOException e) {
      err.println("compare: " + e.getMessage());
      return USAGE;
    }
    out.print(options.format.render(comparison));
    if (options.format == Format.CSV) {
      comparison.config().warnings().forEach(w -> err.println("compare: warning: " + w));
    }
    if (options.html != null) {
      try {
        String page = RunPage.comparison("Comparison of runs", Format.html(comparison), List.of(
            new RunViewJson.Labelled(a.label(), FolderView.of(a.runs())),
            new RunViewJson.Labelled(b.label(), FolderView.of(b.runs()))));
        RunPage.write(options.html, page);
        err.println("compare: wrote " + options.html);
      } catch (IOException | RuntimeException e) {
        err.println("compare: --html " + options.html + " cannot be written: " + e.getMessage());
        return USAGE;
      }
    }
    if (!Double.isNaN(options.failOnRegression)) {
      List<String> regressions = comparison.regressions(options.failOnRegression);
      if (!regressions.isEmpty()) {
        err.println("compare: significant regressions beyond " + options.failOnRegression + "%: "
            + String.join(", ", regressions));
        return REGRESSION;
      }
    }
    return 0;
  }

  private static List<RunDir> read(List<Path> dirs) throws IOException {
    List<RunDir> runs = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new IOException("run '" + dir + "' is not a directory");
      }
      try {
        runs.add(RunDir.read(dir));
      } catch (IOException e) {
        throw new IOException("run '" + dir + "' cannot be read: " + e.getMessage(), e);
      }
    }
    return runs;
  }
}
