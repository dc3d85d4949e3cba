package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pid file counts only while its process runs and is the JVM it names: a killed engine (a
 * zombie until something reaps it, which in a container without init is never) does not block a
 * new start, and a pid that now belongs to another program is neither counted nor signalled.
 */
final class PidFilesIT {

  @Test
  void killMinus9OfTheEngine_thenAnImmediateStartOnTheSameFolderStarts() throws Exception {
    try (RealProcesses procs = RealProcesses.start()) {
      Path pidFile = procs.home().resolve("state/engine.pid");
      long killed = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // SIGKILL; no waiting for it

      procs.script("start-engine.sh", "--registry", procs.registry(), "--password-cost", "1000",
          "--data-dir", procs.home().resolve("data").toString(), "--heap", "512m").assertOk();

      assertNotEquals(killed, Long.parseLong(Files.readString(pidFile).trim()));
      procs.cli(null, "stats").assertOk();
    }
  }

  @Test
  void aPidFileNamingAnotherProgram_neitherBlocksAStartNorGetsItStopped() throws Exception {
    Process other = new ProcessBuilder("sleep", "300").start();
    try (RealProcesses procs = RealProcesses.create()) {
      Path state = procs.home().resolve("state");
      Files.createDirectories(state);
      for (String name : List.of("registry", "engine", "client-1")) {
        Files.writeString(state.resolve(name + ".pid"), other.pid() + "\n");
      }

      procs.script("start-registry.sh", "--port", String.valueOf(procs.registryPort())).assertOk();
      assertNotEquals(other.pid(), Long.parseLong(Files.readString(state.resolve("registry.pid")).trim()));
      RealProcesses.Result stop = procs.script("stop.sh").assertOk();

      assertTrue(other.isAlive(), "stop.sh signalled a program that merely has a pid of ours: " + stop);
      assertTrue(stop.stdout().contains("stopped registry"), stop.toString());
      assertFalse(stop.stdout().contains("stopped engine"), stop.toString());
      try (var left = Files.list(state)) {
        assertEquals(List.of(), left.toList(), "stop.sh leaves no pid file");
      }
    } finally {
      other.destroyForcibly();
    }
  }
}
