package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scripts rebuild the jars when a source or pom is newer than them, and only then. Each test
 * works on a copy of the project's layout (the real scripts, policy and jars; one source file per
 * module) whose {@code mvn} on the PATH records its arguments, prints Maven 3.8's stray colour
 * reset, and touches the jars as a build would: the decision is the scripts', the build is
 * Maven's own business, and the real tree is left alone while {@code mvn verify} runs in it.
 */
final class StaleJarsIT {

  private static final List<String> MODULES = List.of("rmi-api", "rmi-server", "rmi-engine", "rmi-client", "in-process");
  private static final String ESC = "\u001b";

  private Path tree;
  private Path calls;

  @BeforeEach
  void copyOfTheLayout() throws IOException {
    Path base = RealProcesses.ROOT.resolve("integration-tests/target/it");
    Files.createDirectories(base);
    tree = Files.createTempDirectory(base, "stale-");
    calls = tree.resolve("mvn-calls");
    copyTree(RealProcesses.ROOT.resolve("scripts"), tree.resolve("scripts"));
    copyTree(RealProcesses.ROOT.resolve("policy"), tree.resolve("policy"));
    Instant hourAgo = Instant.now().minusSeconds(3600);
    Files.writeString(tree.resolve("pom.xml"), "<project/>\n");
    age(tree.resolve("pom.xml"), hourAgo);
    for (String module : MODULES) {
      Path source = tree.resolve(module + "/src/main/java/Some.java");
      Files.createDirectories(source.getParent());
      Files.writeString(source, "class Some {}\n");
      Files.writeString(tree.resolve(module + "/pom.xml"), "<project/>\n");
      for (Path p : List.of(source, source.getParent(), tree.resolve(module + "/src/main"),
          tree.resolve(module + "/pom.xml"))) {
        age(p, hourAgo);
      }
      Path target = tree.resolve(module + "/target");
      Files.createDirectories(target);
      Files.copy(RealProcesses.ROOT.resolve(module + "/target/" + module + ".jar"), target.resolve(module + ".jar"));
      // Clearly older than an edit now: file times move in coarse ticks of a few milliseconds.
      age(target.resolve(module + ".jar"), Instant.now().minusSeconds(60));
      if (module.equals("rmi-engine") || module.equals("rmi-client")) {
        Files.createSymbolicLink(target.resolve("lib"), RealProcesses.ROOT.resolve(module + "/target/lib"));
      }
    }
    Path mvn = tree.resolve("bin/mvn");
    Files.createDirectories(mvn.getParent());
    Files.writeString(mvn, String.join("\n",
        "#!/usr/bin/env bash",
        "echo \"$*\" >>'" + calls + "'",
        "printf '\\033[0m\\033[0m[INFO] BUILD SUCCESS\\n'",
        "[[ -e '" + tree.resolve("mvn-fails") + "' ]] && { echo '[ERROR] COMPILATION ERROR'; exit 1; }",
        "touch " + String.join(" ", MODULES.stream().map(m -> m + "/target/" + m + ".jar").toList()),
        ""));
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void jarsNewerThanEverySource_areUsedAsTheyAre() throws Exception {
    RealProcesses.Result help = reportHelp();
    assertEquals(0, help.exitCode(), help.toString());
    assertTrue(help.stdout().contains("Usage: report.sh"), help.toString());
    assertFalse(Files.exists(calls), "mvn ran although nothing changed");
  }

  @Test
  void anEditedSource_isBuiltByTheNextScript_once_withoutEscapeCodes() throws Exception {
    Files.writeString(tree.resolve("rmi-engine/src/main/java/Some.java"), "class Some { int edited; }\n");

    RealProcesses.Result first = reportHelp();
    assertEquals(0, first.exitCode(), first.toString());
    List<String> built = Files.readAllLines(calls);
    assertEquals(1, built.size(), built.toString());
    assertTrue(built.get(0).startsWith("-B -q -Dstyle.color=never -DskipTests"), built.get(0));
    assertTrue(built.get(0).endsWith(" package"), built.get(0));
    assertTrue(first.stderr().contains("BUILD SUCCESS"), first.stderr());
    assertFalse(first.stderr().contains(ESC) || first.stdout().contains(ESC), "escape codes: " + first);

    assertEquals(0, reportHelp().exitCode());
    assertEquals(1, Files.readAllLines(calls).size(), "built again although nothing changed since");
  }

  @Test
  void aNewSourceFileOrAnEditedPom_makesTheJarsStaleToo() throws Exception {
    Files.writeString(tree.resolve("rmi-api/src/main/java/Added.java"), "class Added {}\n");
    assertEquals(0, reportHelp().exitCode());
    Files.writeString(tree.resolve("pom.xml"), "<project><!-- edited --></project>\n");
    assertEquals(0, reportHelp().exitCode());
    assertEquals(2, Files.readAllLines(calls).size());
  }

  @Test
  void aFailedBuild_stopsTheScriptWithExitOneAndSaysSo() throws Exception {
    Files.writeString(tree.resolve("mvn-fails"), "");
    Files.writeString(tree.resolve("rmi-client/src/main/java/Some.java"), "class Some { broken\n");
    RealProcesses.Result result = reportHelp();
    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("COMPILATION ERROR"), result.stderr());
    assertTrue(result.stderr().contains("report.sh: the build failed"), result.stderr());
    assertFalse(result.stdout().contains("Usage:"), "the script went on with stale jars: " + result);
  }

  /** Runs the copy's {@code scripts/report.sh --help}, the fake mvn first on the PATH. */
  private RealProcesses.Result reportHelp() throws IOException, InterruptedException {
    List<String> command = List.of("bash", tree.resolve("scripts/report.sh").toString(), "--help");
    ProcessBuilder builder = new ProcessBuilder(command).directory(tree.toFile());
    builder.environment().put("PATH", tree.resolve("bin") + ":" + System.getenv("PATH"));
    Path out = Files.createTempFile(tree, "out", ".txt");
    Path err = Files.createTempFile(tree, "err", ".txt");
    Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish in 60 s");
    }
    return new RealProcesses.Result(command.toString(), p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static void age(Path path, Instant when) throws IOException {
    Files.setLastModifiedTime(path, FileTime.from(when));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path copy = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
