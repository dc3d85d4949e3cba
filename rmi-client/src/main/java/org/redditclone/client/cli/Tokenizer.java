package org.redditclone.client.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words with shell-style quoting.
 *
 * <ul>
 *   <li>Spaces and tabs separate words; other characters join into the current word.
 *   <li>{@code '...'} keeps everything inside literally.
 *   <li>{@code "..."} keeps everything inside, except that a backslash escapes {@code \"} and
 *       {@code \\}, and writes {@code \n}, {@code \t}, {@code \r} and {@code \}{@code uXXXX};
 *       before any other character the backslash stays, as in a POSIX shell.
 *   <li>Outside quotes a backslash makes the next character literal ({@code a\ b} is one word).
 *   <li>Quoted and unquoted parts next to each other form one word: {@code title="a b"} is the
 *       word {@code title=a b}; {@code ""} is an empty word.
 * </ul>
 *
 * <p>So every value the CLI prints, quoted by {@link Output#quote}, reads back unchanged.
 */
final class Tokenizer {

  private Tokenizer() {}

  /**
   * Returns the words of {@code line}, none for a blank line.
   *
   * @throws UsageException if a quote is not closed, the line ends in a backslash, or a
   *     {@code \}{@code u} escape is not four hex digits
   */
  static List<String> split(String line) throws UsageException {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int close = line.indexOf('\'', i + 1);
        if (close < 0) {
          throw new UsageException("unterminated single quote at column " + (i + 1));
        }
        word.append(line, i + 1, close);
        inWord = true;
        i = close + 1;
      } else if (c == '"') {
        i = doubleQuoted(line, i, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= n) {
          throw new UsageException("the line ends with a backslash; nothing follows it to escape");
        }
        word.append(line.charAt(i + 1));
        inWord = true;
        i += 2;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Appends the double-quoted part opening at {@code open} and returns the index after it. */
  private static int doubleQuoted(String line, int open, StringBuilder word) throws UsageException {
    int i = open + 1;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < n) {
        char next = line.charAt(i + 1);
        switch (next) {
          case '"', '\\' -> word.append(next);
          case 'n' -> word.append('\n');
          case 't' -> word.append('\t');
          case 'r' -> word.append('\r');
          case 'u' -> {
            word.append(unicode(line, i));
            i += 4;
          }
          default -> word.append(c).append(next);
        }
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw new UsageException("unterminated double quote at column " + (open + 1));
  }

  private static char unicode(String line, int backslash) throws UsageException {
    int start = backslash + 2;
    if (start + 4 <= line.length()) {
      String hex = line.substring(start, start + 4);
      if (hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
        return (char) Integer.parseInt(hex, 16);
      }
    }
    throw new UsageException(
        "escape at column " + (backslash + 1) + " is not \\u followed by four hex digits");
  }
}
