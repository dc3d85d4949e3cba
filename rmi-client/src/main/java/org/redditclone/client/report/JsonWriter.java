package org.redditclone.client.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes JSON text, commas and nesting kept track of: objects and arrays of strings, numbers,
 * booleans and nulls. A number that is not finite (NaN, infinity) is written as {@code null},
 * as JSON has no such numbers.
 *
 * <p>Strings escape {@code < > &} and the line and paragraph separators besides what JSON
 * requires, so the text can stand inside an HTML {@code <script>} element as it is: no {@code
 * </script>} or {@code <!--} can appear in it.
 */
final class JsonWriter {

  private final StringBuilder out;
  /** Per open object or array: whether it has no element yet. */
  private final Deque<Boolean> empty = new ArrayDeque<>();
  private boolean afterName;

  JsonWriter(StringBuilder out) {
    this.out = out;
  }

  /** Opens an object. */
  JsonWriter beginObject() {
    separate();
    out.append('{');
    empty.push(true);
    return this;
  }

  /** Closes the innermost object. */
  JsonWriter endObject() {
    close('}');
    return this;
  }

  /** Opens an array. */
  JsonWriter beginArray() {
    separate();
    out.append('[');
    empty.push(true);
    return this;
  }

  /** Closes the innermost array. */
  JsonWriter endArray() {
    close(']');
    return this;
  }

  /** Writes the name of the next member of the current object. */
  JsonWriter name(String name) {
    if (afterName) {
      throw new IllegalStateException("name '" + name + "' follows a name without a value");
    }
    separate();
    string(name);
    out.append(':');
    afterName = true;
    return this;
  }

  /** Writes a string, or null. */
  JsonWriter value(String value) {
    separate();
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    return this;
  }

  /** Writes a whole number. */
  JsonWriter value(long value) {
    separate();
    out.append(value);
    return this;
  }

  /** Writes a number; NaN and infinities as null, whole numbers without a fraction. */
  JsonWriter value(double value) {
    separate();
    if (!Double.isFinite(value)) {
      out.append("null");
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.append((long) value);
    } else {
      out.append(value);
    }
    return this;
  }

  /**
   * Writes a number rounded to 3 decimals, trailing zeros left out: a latency in milliseconds to
   * the microsecond, as the run's CSV files hold it, written fast and short. NaN and infinities
   * are null.
   */
  JsonWriter decimal(double value) {
    if (!Double.isFinite(value) || Math.abs(value) >= 1e15) {
      return value(value);
    }
    separate();
    long thousandths = Math.round(value * 1000);
    if (thousandths < 0) {
      out.append('-');
      thousandths = -thousandths;
    }
    out.append(thousandths / 1000);
    int fraction = (int) (thousandths % 1000);
    if (fraction != 0) {
      char[] digits = {(char) ('0' + fraction / 100), (char) ('0' + fraction / 10 % 10),
          (char) ('0' + fraction % 10)};
      int length = 3;
      while (digits[length - 1] == '0') {
        length--;
      }
      out.append('.').append(digits, 0, length);
    }
    return this;
  }

  /** Writes true or false. */
  JsonWriter value(boolean value) {
    separate();
    out.append(value);
    return this;
  }

  /** Writes an array of numbers, each {@linkplain #decimal rounded to 3 decimals}. */
  JsonWriter decimals(double[] values) {
    beginArray();
    for (double value : values) {
      decimal(value);
    }
    return endArray();
  }

  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (!empty.isEmpty()) {
      if (!empty.peek()) {
        out.append(',');
      }
      empty.pop();
      empty.push(false);
    }
  }

  private void close(char bracket) {
    if (empty.isEmpty() || afterName) {
      throw new IllegalStateException("'" + bracket + "' closes nothing open, or follows a name");
    }
    empty.pop();
    out.append(bracket);
  }

  private void string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        // < > & keep the text inert inside an HTML <script>; the separators end a line in JS.
        case '<', '>', '&', '\u2028', '\u2029' -> unicode(c);
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !paired(text, i)) {
            unicode(c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void unicode(char c) {
    out.append(String.format("\\u%04x", (int) c));
  }

  /** Returns whether the surrogate at {@code i} is half of a pair (a lone one is escaped). */
  private static boolean paired(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
