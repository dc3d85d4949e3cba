package org.redditclone.client.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arguments of the compare tool, parsed and checked; every problem is an {@link
 * IllegalArgumentException} whose message names the argument.
 */
final class CompareOptions {

  static final double DEFAULT_ALPHA = 0.05;

  final List<Path> a = new ArrayList<>();
  final List<Path> b = new ArrayList<>();
  Format format = Format.TEXT;
  double failOnRegression = Double.NaN;
  double alpha = DEFAULT_ALPHA;
  Path html;
  boolean help;

  private CompareOptions() {}

  static String usage() {
    return String.join("\n",
        "Usage: compare.sh [options] RUN_A RUN_B",
        "       compare.sh [options] A1 A2 A3 ... -- B1 B2 B3 ...",
        "",
        "Compares run directories per operation: throughput, p50, p99, p99.9 and error rate of",
        "side A and side B, the change in percent, and whether it is significant (Mann-Whitney U,",
        "alpha 0.05) or not (~): over the runs' figures with 3 or more runs a side, else over the",
        "seconds of the runs' timelines (p99, p99.9: quantile test over the hlogs' calls).",
        "",
        "  --format F                text (default, aligned tables), csv or md (Markdown)",
        "  --fail-on-regression PCT  exit 1 when a significant change for the worse (lower",
        "                            throughput, higher latency or error rate) exceeds PCT percent",
        "  --html OUT                also write a self-contained page with both sides' charts",
        "  --alpha A                 significance level, 0 < A < 1 (default 0.05)",
        "  --help                    this text",
        "",
        "Exit status: 0 compared, 1 a regression beyond --fail-on-regression, 2 bad usage or a",
        "run that cannot be read.");
  }

  /**
   * Returns the options of {@code args}; {@code --opt value} and {@code --opt=value} both work.
   *
   * @throws IllegalArgumentException naming the argument when one is bad or missing
   */
  static CompareOptions parse(String... args) {
    CompareOptions o = new CompareOptions();
    List<Path> before = new ArrayList<>();
    List<Path> after = new ArrayList<>();
    boolean separated = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        if (separated) {
          throw new IllegalArgumentException("'--' appears twice; it separates side A from side B once");
        }
        separated = true;
        continue;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        (separated ? after : before).add(Path.of(arg));
        continue;
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (name.equals("--help") || name.equals("-h")) {
        o.help = true;
        continue;
      }
      if (!List.of("--format", "--fail-on-regression", "--html", "--alpha").contains(name)) {
        throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        value = args[++i];
      }
      switch (name) {
        case "--format" -> o.format = Format.named(value.toLowerCase(Locale.ROOT));
        case "--fail-on-regression" -> o.failOnRegression = percent(name, value);
        case "--html" -> {
          if (value.isBlank()) {
            throw new IllegalArgumentException("--html is empty; expected a file");
          }
          o.html = Path.of(value);
        }
        default -> o.alpha = alpha(name, value);
      }
    }
    if (o.help) {
      return o;
    }
    if (separated) {
      if (before.isEmpty()) {
        throw new IllegalArgumentException("side A is empty: give its runs before '--'");
      }
      if (after.isEmpty()) {
        throw new IllegalArgumentException("side B is empty: give its runs after '--'");
      }
      o.a.addAll(before);
      o.b.addAll(after);
    } else if (before.size() == 2) {
      o.a.add(before.get(0));
      o.b.add(before.get(1));
    } else {
      throw new IllegalArgumentException("expected two runs (RUN_A RUN_B) or sides separated by"
          + " '--', but got " + before.size() + " run" + (before.size() == 1 ? "" : "s")
          + (before.isEmpty() ? "" : ": " + before));
    }
    return o;
  }

  private static double percent(String name, String value) {
    double pct = number(name, value);
    if (!(pct >= 0) || Double.isInfinite(pct)) {
      throw new IllegalArgumentException(name + " is " + value + "; expected a percentage of 0 or more");
    }
    return pct;
  }

  private static double alpha(String name, String value) {
    double alpha = number(name, value);
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException(name + " is " + value + "; expected a number between 0 and 1");
    }
    return alpha;
  }

  private static double number(String name, String value) {
    try {
      return Double.parseDouble(value.strip().replaceAll("%$", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is '" + value + "'; expected a number", e);
    }
  }
}
