package org.redditclone.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of durations, for every option of every main (engine and clients alike).
 *
 * <p>A duration is a number with a unit, {@code ms}, {@code s}, {@code m}, {@code h} or {@code
 * d} ({@code 500ms}, {@code 1.5s}, {@code 30m}, {@code 7d}); a bare number, which counts seconds
 * ({@code 45}); or ISO-8601 ({@code PT30M}, {@code P1DT2H}). Units and ISO letters may be upper
 * or lower case; a number may have a fraction; the value is rounded to the nanosecond. A
 * duration is never negative.
 */
public final class Durations {

  /** The forms, as error messages and help texts show them. */
  public static final String FORMS = "500ms, 1.5s, 30m, 24h, 7d, a number of seconds or ISO-8601 like PT30M";

  private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ms|s|m|h|d)?");
  private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

  private Durations() {}

  /**
   * Returns the duration written as {@code value}, 0 or more.
   *
   * @throws IllegalArgumentException naming {@code option}, the value and the forms when it is
   *     not a duration
   */
  public static Duration parse(String option, String value) {
    Duration d = parseOrNull(value);
    if (d == null) {
      throw new IllegalArgumentException(option + " '" + value + "' is not a duration; write " + FORMS);
    }
    return d;
  }

  /**
   * Returns the duration written as {@code value}, from {@code min} to {@code max}.
   *
   * @throws IllegalArgumentException naming {@code option}, the value and the rule it breaks
   */
  public static Duration parse(String option, String value, Duration min, Duration max) {
    Duration d = parse(option, value);
    if (d.compareTo(min) < 0) {
      throw new IllegalArgumentException(option + " '" + value + "' must be "
          + (min.equals(Duration.ofNanos(1)) ? "more than 0" : "at least " + text(min)));
    }
    if (d.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          option + " '" + value + "' is longer than the limit of " + text(max));
    }
    return d;
  }

  /**
   * Returns the duration written as {@code value}, more than 0.
   *
   * @throws IllegalArgumentException naming {@code option}, the value and the rule it breaks
   */
  public static Duration parsePositive(String option, String value) {
    return parse(option, value, Duration.ofNanos(1), Duration.ofSeconds(Long.MAX_VALUE));
  }

  /** Returns {@code d} in the shortest form of the grammar that states it exactly, e.g. {@code 7d}. */
  public static String text(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("duration " + d + " is negative");
    }
    long nanos;
    try {
      nanos = d.toNanos();
    } catch (ArithmeticException e) {
      return d.toString();
    }
    long[] units = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L};
    String[] names = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < units.length; i++) {
      if (nanos % units[i] == 0) {
        return nanos / units[i] + names[i];
      }
    }
    return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + "ms";
  }

  private static Duration parseOrNull(String value) {
    if (value == null) {
      return null;
    }
    String text = value.strip().toLowerCase(Locale.ROOT);
    if (text.startsWith("p")) {
      try {
        Duration d = Duration.parse(text);
        return d.isNegative() ? null : d;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher m = SHORT.matcher(text);
    if (!m.matches()) {
      return null;
    }
    long unitNanos = switch (m.group(2) == null ? "s" : m.group(2)) {
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> 86_400_000_000_000L;
    };
    BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos))
        .setScale(0, RoundingMode.HALF_UP);
    return nanos.compareTo(MAX_NANOS) > 0 ? null : Duration.ofNanos(nanos.longValueExact());
  }
}
