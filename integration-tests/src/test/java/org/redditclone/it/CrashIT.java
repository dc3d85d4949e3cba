package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The crash test of {@code scripts/crash-test.sh}, one round: a registry, an engine with
 * {@code --fsync always}, a simulation and writer loops that log every acknowledged write; the
 * engine is killed with SIGKILL mid-run and started again on the same data directory. Every
 * acknowledged write must be there afterwards and the engine's startup invariant check must hold,
 * both right after the crash and over the whole run; and the simulation's consistency check must
 * hold with exact equality, since clients retry a change with the same request id.
 */
final class CrashIT {

  private static final long ROUND_LIMIT_SECONDS = 480;

  @Test
  void sigkillMidRun_losesNoAcknowledgedWrite_andInvariantsHold() throws Exception {
    try (RealProcesses procs = RealProcesses.create()) {
      // A round starts five JVMs and many CLI runs; it outlasts the harness's 120 s script limit.
      Process p = procs.startScript("crash-test.sh", "--rounds", "1",
          "--port", String.valueOf(procs.registryPort()), "--work", procs.home().resolve("crash").toString(),
          "--before-kill", "6", "--after-kill", "4", "--sim-users", "20");
      assertTrue(p.waitFor(ROUND_LIMIT_SECONDS, TimeUnit.SECONDS), "crash-test.sh did not finish in "
          + ROUND_LIMIT_SECONDS + " s; see " + procs.home().resolve("logs"));
      Path out;
      try (Stream<Path> logs = Files.list(procs.home().resolve("logs"))) {
        out = logs.filter(f -> f.getFileName().toString().startsWith("crash-test.sh-")).findFirst().orElseThrow();
      }
      String all = Files.readString(out);
      List<String> summary = all.lines().filter(l -> l.startsWith("round 1:")).toList();
      assertEquals(1, summary.size(), all);
      assertTrue(summary.get(0).startsWith("round 1: PASS"), all);
      assertTrue(summary.get(0).contains("writes_lost=0"), all);
      assertTrue(summary.get(0).contains("consistency=PASS"), "the simulation's counts equal the engine's: " + all);
      assertTrue(all.contains("after the crash: invariants hold"), all);
      assertEquals(0, p.exitValue(), all);
    }
  }
}
