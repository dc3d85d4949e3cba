package org.redditclone.client.sim;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code client-K.properties}: the client's configuration, times, status and what the
 * engine acknowledged. Written whole to a temporary file and moved into place, so that the
 * coordinator never reads half a file.
 */
final class ClientReport {

  private ClientReport() {}

  /** Returns the path of client {@code clientId}'s properties in {@code runDir}. */
  static Path path(Path runDir, int clientId) {
    return runDir.resolve("client-" + clientId + ".properties");
  }

  /** Writes {@code values}, sorted by key, atomically to {@link #path}. */
  static Path write(Path runDir, int clientId, Map<String, String> values) throws IOException {
    Path target = path(runDir, clientId);
    Path temp = Files.createTempFile(runDir, ".client-" + clientId + "-", ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        out.write("# redditclone simulator client " + clientId + "\n");
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
          out.write(escape(e.getKey(), true) + "=" + escape(e.getValue(), false) + "\n");
        }
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Escapes as {@link java.util.Properties#load} reads it back. */
  private static String escape(String text, boolean key) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '=', ':', '#', '!' -> b.append('\\').append(c);
        case ' ' -> b.append(key || i == 0 ? "\\ " : " ");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
