package org.redditclone.client.runfiles;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one writer and reader of the run's properties files (client-K.properties, run.properties,
 * baseline.properties). Written as UTF-8 in the order of the given map, atomically; read back by
 * {@link Properties#load(Reader)}, which gives every key and value exactly as written.
 *
 * <p>Escapes: a backslash, a line break, a tab and a form feed always; in a key also {@code = :
 * # !} and spaces; in a value a leading space. Control characters and unpaired surrogates are
 * written as {@code \}{@code uXXXX}; all other characters, non-ASCII ones included, as they are.
 */
public final class PropertiesFile {

  private PropertiesFile() {}

  /**
   * Returns the properties of {@code file}, sorted by key.
   *
   * @throws IOException if it cannot be read or is not a properties file, naming it
   */
  public static SortedMap<String, String> read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a properties file: " + e.getMessage(), e);
    }
    SortedMap<String, String> entries = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key)));
    return entries;
  }

  /** Writes {@code entries} to {@code file} after a comment line, atomically ({@link RunFiles#writeAtomically}). */
  public static void write(Path file, String comment, Map<String, String> entries) throws IOException {
    RunFiles.writeAtomically(file, text(comment, entries));
  }

  /** Returns {@code entries} as properties text after a comment line, in the map's order. */
  public static String text(String comment, Map<String, String> entries) {
    StringBuilder text = new StringBuilder("# ").append(comment.replaceAll("\\R", " ")).append('\n');
    entries.forEach((key, value) -> {
      if (key.isEmpty()) {
        throw new IllegalArgumentException("a key of '" + comment + "' is empty");
      }
      escape(text, key, true);
      text.append('=');
      escape(text, value, false);
      text.append('\n');
    });
    return text.toString();
  }

  private static void escape(StringBuilder out, String text, boolean key) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        case '=', ':', '#', '!' -> out.append(key ? "\\" + c : String.valueOf(c));
        case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
        default -> {
          if (Character.isISOControl(c) || Character.isSurrogate(c) && !paired(text, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  /** Returns whether the surrogate at {@code i} is half of a pair, which UTF-8 can write. */
  private static boolean paired(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
