package org.redditclone.client.runfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PropertiesFileTest {

  @TempDir Path dir;

  @Test
  void roundTrip_keepsNonAsciiAndSpecialCharactersExactly() throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("plain", "value");
    entries.put("mix", "post=30,comment=20:vote=40");
    entries.put("leading.space", "  two spaces first");
    entries.put("trailing.space", "ends in a space ");
    entries.put("empty", "");
    entries.put("hash.first", "#not a comment");
    entries.put("bang.first", "!not a comment either");
    entries.put("backslashes", "C:\\runs\\a\\\\b\\u0041");
    entries.put("lines", "one\ntwo\r\nthree\ttab\fform");
    entries.put("non.ascii", "Grüße, 東京, Ωmega, emoji \uD83D\uDE00");
    entries.put("controls", "nul\u0000 bell\u0007 esc\u001b del\u007f c1\u0085");
    entries.put("lone.surrogates", "high\uD800 low\uDC00");
    entries.put("key with = : # ! and spaces", "its value");
    entries.put("ключ.ü", "non-ASCII key");
    entries.put("unicode.escape.text", "\\uZZZZ is no escape");
    Path file = dir.resolve("client-1.properties");

    PropertiesFile.write(file, "a comment\nover two lines", entries);

    assertEquals(new java.util.TreeMap<>(entries), PropertiesFile.read(file));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals("# a comment over two lines", lines.get(0));
    assertTrue(lines.contains("mix=post=30,comment=20:vote=40"), "a value stays readable: " + lines);
    assertTrue(lines.contains("non.ascii=Grüße, 東京, Ωmega, emoji \uD83D\uDE00"), lines.toString());
  }

  @Test
  void roundTrip_ofRandomStrings() throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      entries.put("k" + i + randomText(random, 6), randomText(random, 20));
    }
    Path file = dir.resolve("run.properties");
    PropertiesFile.write(file, "random", entries);
    assertEquals(new java.util.TreeMap<>(entries), PropertiesFile.read(file));
  }

  @Test
  void writesInTheGivenOrder() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("b", "1");
    entries.put("a", "2");
    assertEquals("# c\nb=1\na=2\n", PropertiesFile.text("c", entries));
  }

  @Test
  void replacesAtomically_readableByAll_leavingNoTemporaryFile() throws IOException {
    Path file = dir.resolve("client-2.properties");
    PropertiesFile.write(file, "first", Map.of("status", "running"));
    PropertiesFile.write(file, "second", Map.of("status", "finished"));
    assertEquals(Map.of("status", "finished"), PropertiesFile.read(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    Set<PosixFilePermission> ofADirectWrite =
        Files.getPosixFilePermissions(Files.writeString(dir.resolve("direct"), "x"));
    assertEquals(ofADirectWrite, permissions, "the same permissions as any file the user makes");
    assertTrue(permissions.contains(PosixFilePermission.OTHERS_READ) || !ofADirectWrite.contains(PosixFilePermission.OTHERS_READ));
  }

  @Test
  void aMalformedFileIsAnIoErrorNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.properties"), "key=\\u12\n");
    IOException e = assertThrows(IOException.class, () -> PropertiesFile.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void anEmptyKeyIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PropertiesFile.text("run", Map.of("", "v")));
    assertFalse(e.getMessage().isEmpty());
  }

  private static String randomText(SplittableRandom random, int length) {
    StringBuilder text = new StringBuilder();
    String specials = " =:#!\\\n\r\t\f\"'";
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(4)) {
        case 0 -> text.append(specials.charAt(random.nextInt(specials.length())));
        case 1 -> text.append((char) random.nextInt(0x20, 0x7f));
        case 2 -> text.appendCodePoint(random.nextInt(0xa0, 0x3000));
        default -> text.append((char) random.nextInt(0, 0x10000));
      }
    }
    return text.toString();
  }
}
