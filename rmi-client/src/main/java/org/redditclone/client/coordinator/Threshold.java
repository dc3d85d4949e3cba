package org.redditclone.client.coordinator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.redditclone.api.Durations;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.runfiles.RunColumns;

/**
 * A pass/fail gate on the run's measured window, written {@code OP.METRIC<VALUE} or {@code
 * OP.METRIC>VALUE} ({@code --threshold}): OP an operation or {@code ALL}; METRIC a latency of the
 * successful calls ({@code p50 p90 p99 p99.9 max mean}, VALUE a duration with a unit: {@code
 * 100ms}, {@code 2s}), {@code error_rate} (failed calls over all calls, VALUE a percentage: {@code
 * 0.1%}) or {@code throughput} (successful calls per second of the window, VALUE a number). The
 * comparison is strict: {@code ALL.p99<100ms} passes at 99.9 ms and fails at 100 ms.
 *
 * @param expression the expression as given
 * @param op the operation's wire name or {@code ALL}
 * @param metric what is measured
 * @param below whether the measured value must be below the limit ({@code <}) or above it
 * @param limit the limit in the metric's unit: milliseconds, percent or calls per second
 */
record Threshold(String expression, String op, Metric metric, boolean below, double limit) {

  /** What a threshold measures, with its name in expressions and its unit. */
  enum Metric {
    P50("p50", 50), P90("p90", 90), P99("p99", 99), P999("p99.9", 99.9), MAX("max", 100), MEAN("mean", -1),
    ERROR_RATE("error_rate", -1), THROUGHPUT("throughput", -1);

    final String text;
    /** The percentile of a latency metric; -1 for the others. */
    final double percentile;

    Metric(String text, double percentile) {
      this.text = text;
      this.percentile = percentile;
    }

    /** Returns whether the metric is a latency, in milliseconds. */
    boolean latency() {
      return this != ERROR_RATE && this != THROUGHPUT;
    }

    /** Returns {@code value} of this metric as printed, with its unit: {@code 8.372ms}, {@code 0.250%}, {@code 1402.300}. */
    String format(double value) {
      String number = String.format(Locale.ROOT, "%.3f", value);
      if (Double.isNaN(value)) {
        return "NaN";
      }
      return latency() ? number + "ms" : this == ERROR_RATE ? number + "%" : number;
    }
  }

  /** The grammar, as error messages name it. */
  static final String GRAMMAR = "OP.METRIC<VALUE or OP.METRIC>VALUE; OP an operation or ALL; METRIC one of "
      + Arrays.stream(Metric.values()).map(m -> m.text).collect(Collectors.joining(" "))
      + "; e.g. ALL.p99<100ms, post.p99.9<250ms, ALL.error_rate<0.1%, ALL.throughput>5000";

  private static final Pattern SHAPE = Pattern.compile("([A-Za-z_]+)\\.([a-z_0-9.]+)([<>])(.+)");
  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");

  Threshold {
    requireNonNull(expression, "expression");
    requireNonNull(op, "op");
    requireNonNull(metric, "metric");
  }

  /**
   * Returns the threshold written as {@code expression}.
   *
   * @throws IllegalArgumentException naming the expression and the rule it breaks
   */
  static Threshold parse(String expression) {
    requireNonNull(expression, "expression");
    Matcher m = SHAPE.matcher(expression.strip());
    if (!m.matches()) {
      throw bad(expression, "it is not of the form " + GRAMMAR);
    }
    String op = m.group(1);
    if (!op.equals(RunColumns.ALL)) {
      try {
        Op.fromWireName(op);
      } catch (IllegalArgumentException e) {
        throw bad(expression, "'" + op + "' is no operation; OP is ALL or one of "
            + Arrays.stream(Op.values()).map(Op::wireName).collect(Collectors.joining(", ")));
      }
    }
    Metric metric = Arrays.stream(Metric.values()).filter(candidate -> candidate.text.equals(m.group(2)))
        .findFirst().orElseThrow(() -> bad(expression, "'" + m.group(2) + "' is no metric; METRIC is one of "
            + Arrays.stream(Metric.values()).map(x -> x.text).collect(Collectors.joining(" "))));
    String value = m.group(4).strip();
    return new Threshold(expression.strip(), op, metric, m.group(3).equals("<"), limit(expression, metric, value));
  }

  private static double limit(String expression, Metric metric, String value) {
    if (metric.latency()) {
      if (!Character.isLetter(value.charAt(value.length() - 1)) || value.toLowerCase(Locale.ROOT).startsWith("p")) {
        throw bad(expression, "a latency's VALUE is a duration with a unit, like 100ms or 2s; '" + value + "' has none");
      }
      Duration limit;
      try {
        limit = Durations.parse("VALUE", value);
      } catch (IllegalArgumentException e) {
        throw bad(expression, "a latency's VALUE is a duration with a unit, like 100ms or 2s; " + e.getMessage());
      }
      return limit.toNanos() / 1e6;
    }
    if (metric == Metric.ERROR_RATE) {
      if (!value.endsWith("%") || !NUMBER.matcher(value.substring(0, value.length() - 1)).matches()) {
        throw bad(expression, "error_rate's VALUE is a percentage, like 0.1%; '" + value + "' is not");
      }
      double percent = Double.parseDouble(value.substring(0, value.length() - 1));
      if (percent > 100) {
        throw bad(expression, "error_rate's VALUE is a percentage of at most 100%; '" + value + "' is more");
      }
      return percent;
    }
    if (!NUMBER.matcher(value).matches()) {
      throw bad(expression, "throughput's VALUE is a number of calls per second, like 5000; '" + value + "' is not");
    }
    return Double.parseDouble(value);
  }

  private static IllegalArgumentException bad(String expression, String rule) {
    return new IllegalArgumentException("--threshold '" + expression + "': " + rule);
  }

  /** Returns whether {@code measured} (in the metric's unit) passes; NaN (nothing measured) fails. */
  boolean passes(double measured) {
    return !Double.isNaN(measured) && (below ? measured < limit : measured > limit);
  }
}
