package org.redditclone.client.merge;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.redditclone.client.runfiles.RunFiles;

/** Reads properties files as UTF-8 and writes them with sorted keys, atomically. */
final class PropertiesFiles {

  private PropertiesFiles() {}

  /** Returns the properties of {@code file}. */
  static Properties read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a properties file: " + e.getMessage(), e);
    }
    return properties;
  }

  /** Returns {@code entries} as properties text with a comment line, in the map's order. */
  static String text(String comment, Map<String, String> entries) {
    StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
    entries.forEach((key, value) ->
        text.append(escape(key, true)).append('=').append(escape(value, false)).append('\n'));
    return text.toString();
  }

  /** Writes {@code entries} to {@code file} through a temporary file and a move. */
  static void write(Path file, String comment, Map<String, String> entries) throws IOException {
    RunFiles.writeAtomically(file, text(comment, entries));
  }

  private static String escape(String text, boolean key) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        case '=', ':', '#', '!' -> out.append(key || i == 0 ? "\\" + c : String.valueOf(c));
        case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
