package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of the engine under every fsync policy while writers post as fast as they can: after a
 * restart on the same data folder every post a writer was told was saved is there. The policies
 * differ only for a crash of the machine; the process's death loses nothing under any of them,
 * because a change is acknowledged only once its event is handed to the OS with write(2).
 * ({@link CrashIT} runs the whole crash test, simulation included, under {@code always}.)
 */
final class KillNineIT {

  private static final int WRITERS = 3;
  private static final int ACKS_BEFORE_KILL = 60;
  private static final long ACK_WAIT_SECONDS = 90;

  @ParameterizedTest(name = "--fsync {0}")
  @ValueSource(strings = {"always", "interval", "none"})
  void killNine_losesNoAcknowledgedWrite(String fsync) throws Exception {
    try (RealProcesses procs = RealProcesses.start("--fsync", fsync)) {
      PostingWriters writers = PostingWriters.start(procs, WRITERS, "crash");
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(ACK_WAIT_SECONDS);
      while (PostingWriters.postIds(writers.output()).size() < ACKS_BEFORE_KILL && System.nanoTime() < until) {
        Thread.sleep(200);
      }
      Path pidFile = procs.home().resolve("state/engine.pid");
      ProcessHandle engine = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow();
      assertTrue(engine.destroyForcibly(), "SIGKILL sent to the engine");
      engine.onExit().get(30, TimeUnit.SECONDS);
      writers.stop();

      Set<Long> acked = PostingWriters.postIds(writers.output());
      assertTrue(acked.size() >= ACKS_BEFORE_KILL,
          "the writers were told of " + acked.size() + " saved posts in " + ACK_WAIT_SECONDS + " s");
      procs.script("start-engine.sh", "--registry", procs.registry(), "--password-cost", "1000",
          "--data-dir", procs.home().resolve("data").toString(), "--heap", "256m").assertOk();
      String log = Files.readString(procs.home().resolve("logs/engine.log"));
      assertTrue(log.contains("invariants hold"), log);
      writers.assertAllThere(acked);
    }
  }
}
