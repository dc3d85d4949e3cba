package org.redditclone.client.cli;

/** One output line in the making: an optional leading word, then {@code key=value} tokens. */
final class Line {

  private final StringBuilder text = new StringBuilder();

  private Line() {}

  /** Returns an empty line to which tokens are added. */
  static Line of() {
    return new Line();
  }

  /** Returns a line that opens with a bare word such as {@code registered}. */
  static Line of(String word) {
    Line line = new Line();
    line.text.append(word);
    return line;
  }

  /** Adds {@code key=value}, the value quoted by {@link Output#quote} when it needs it. */
  Line add(String key, Object value) {
    if (text.length() > 0) {
      text.append(' ');
    }
    text.append(key).append('=').append(Output.quote(String.valueOf(value)));
    return this;
  }

  /** Adds {@code key=value} only when {@code present}. */
  Line addIf(boolean present, String key, Object value) {
    return present ? add(key, value) : this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
