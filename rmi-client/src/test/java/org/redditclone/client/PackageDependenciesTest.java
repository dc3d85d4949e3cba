package org.redditclone.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies inside rmi-client: the client processes (connect, cli, sim,
 * metrics) never use the run analysis (merge, compare, report) nor the run coordinator, so that
 * they could become a module of their own that carries neither the run page nor the statistics (a
 * simulator reaches its coordinator through the contract, rmi-api); runfiles, the schema both
 * sides share, uses no other package. Read from the sources, imports and qualified names alike.
 */
final class PackageDependenciesTest {

  private static final Path SOURCES = Path.of("src", "main", "java", "org", "redditclone", "client");
  private static final Pattern REFERENCE = Pattern.compile("org\\.redditclone\\.client\\.([a-z]+)");

  /** What each package may use, besides itself, rmi-api and libraries. */
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "runfiles", Set.of(),
      "connect", Set.of(),
      "metrics", Set.of("runfiles"),
      "cli", Set.of("connect"),
      "sim", Set.of("connect", "metrics", "runfiles"),
      "merge", Set.of("connect", "metrics", "runfiles"),
      "report", Set.of("metrics", "runfiles"),
      "compare", Set.of("metrics", "report", "runfiles"),
      "coordinator", Set.of("connect", "merge", "metrics", "report", "runfiles"));

  @Test
  void clientProcessesNeverUseTheRunAnalysis_andEveryPackageOnlyWhatItMay() throws IOException {
    Map<String, Set<String>> used = used();
    assertEquals(new TreeSet<>(ALLOWED.keySet()), new TreeSet<>(used.keySet()),
        "a package was added or removed: say here what it may use");
    for (String clientProcess : Set.of("connect", "cli", "sim", "metrics", "runfiles")) {
      for (String analysis : Set.of("merge", "compare", "report", "coordinator")) {
        assertTrue(!used.get(clientProcess).contains(analysis), clientProcess + " uses " + analysis);
      }
    }
    used.forEach((pkg, uses) -> assertTrue(ALLOWED.get(pkg).containsAll(uses),
        pkg + " uses " + uses + "; it may use only " + ALLOWED.get(pkg)));
  }

  /** Returns, per package, the other client packages its sources name. */
  private static Map<String, Set<String>> used() throws IOException {
    Map<String, Set<String>> used = new TreeMap<>();
    try (Stream<Path> packages = Files.list(SOURCES)) {
      for (Path pkg : packages.filter(Files::isDirectory).toList()) {
        String name = pkg.getFileName().toString();
        Set<String> uses = new TreeSet<>();
        try (Stream<Path> files = Files.walk(pkg)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
            Matcher m = REFERENCE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
              uses.add(m.group(1));
            }
          }
        }
        uses.remove(name);
        used.put(name, uses);
      }
    }
    return used;
  }
}
