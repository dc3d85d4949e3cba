package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One data folder, two engines, as an operator in a hurry would do it: a second engine started
 * with its own state folder and registry on the first one's {@code --data-dir} is refused before
 * it touches the folder, and the first goes on serving; once the first is killed with SIGKILL, an
 * engine started at once on the folder takes it over with everything the first wrote.
 */
final class DataFolderLockIT {

  @Test
  void secondEngineOnAFolderInUse_isRefused_andTheFirstIsUntouched_untilKilled() throws Exception {
    try (RealProcesses first = RealProcesses.start(); RealProcesses second = RealProcesses.create()) {
      Path data = first.home().resolve("data");
      first.cli("""
          register alice pw-alice
          login alice pw-alice
          create-sub gleam "All things shiny"
          post gleam "Before the second engine" body
          """).assertOk();
      List<String> filesBefore = names(data);
      String lockBefore = Files.readString(data.resolve("LOCK"));
      long firstPid = Long.parseLong(Files.readString(first.home().resolve("state/engine.pid")).trim());

      second.script("start-registry.sh", "--port", String.valueOf(second.registryPort())).assertOk();
      RealProcesses.Result refused = startEngine(second, data);
      assertEquals(1, refused.exitCode(), refused.toString());
      String all = refused.stdout() + refused.stderr();
      assertTrue(all.contains("data folder " + data + " is in use by another engine (pid " + firstPid
          + ", started "), all);
      assertTrue(all.contains("); stop it first"), all);
      assertEquals(filesBefore, names(data), "the refused engine made no file in the folder");
      assertEquals(lockBefore, Files.readString(data.resolve("LOCK")), "nor wrote into the LOCK file");

      List<String> after = first.cli("""
          login alice pw-alice
          post gleam "After the refusal" body
          listing gleam new
          """).assertOk().lines();
      assertTrue(after.stream().anyMatch(l -> l.contains("After the refusal")), after.toString());
      assertTrue(after.stream().anyMatch(l -> l.contains("Before the second engine")), after.toString());

      // SIGKILL: the OS drops the lock with the process, and the LOCK file it leaves never blocks.
      ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
      startEngine(second, data).assertOk();
      List<String> taken = second.cli(null, "listing", "gleam", "new").assertOk().lines();
      assertTrue(taken.stream().anyMatch(l -> l.contains("After the refusal")), taken.toString());
      assertTrue(taken.stream().anyMatch(l -> l.contains("Before the second engine")), taken.toString());
    }
  }

  private static RealProcesses.Result startEngine(RealProcesses procs, Path data) throws Exception {
    return procs.script("start-engine.sh", "--registry", procs.registry(), "--password-cost", "1000",
        "--data-dir", data.toString(), "--heap", "256m");
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
