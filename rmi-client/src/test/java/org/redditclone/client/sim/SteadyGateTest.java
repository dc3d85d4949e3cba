package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SteadyGateTest {

  @TempDir Path dir;

  @Test
  void withoutAFileTheGateIsOpenAtOnce() {
    SteadyGate gate = SteadyGate.of(null);
    assertFalse(gate.warmsUp());
    assertTrue(gate.reached());
  }

  @Test
  void withAFileTheGateWaitsForItAndForTheTimeInIt() throws Exception {
    Path file = dir.resolve("steady-start");
    SteadyGate gate = SteadyGate.of(file);
    assertTrue(gate.warmsUp());
    assertFalse(gate.reached(), "no file yet");
    Files.writeString(file, Long.toString(System.currentTimeMillis() + 3_600_000));
    Thread.sleep(30); // past the poll interval
    assertFalse(gate.reached(), "the time in the file is an hour away");
  }

  @Test
  void aTimeInThePastOpensTheGate() throws Exception {
    Path file = dir.resolve("steady-start");
    Files.writeString(file, Long.toString(System.currentTimeMillis() - 1));
    assertTrue(SteadyGate.of(file).reached());
  }

  @Test
  void anUnfinishedFileIsReadAgainLater() throws Exception {
    Path file = dir.resolve("steady-start");
    Files.writeString(file, "");
    SteadyGate gate = SteadyGate.of(file);
    assertFalse(gate.reached());
    Files.writeString(file, "1");
    Thread.sleep(30);
    assertTrue(gate.reached());
  }

  @Test
  void aWarmupOpensTheGateThatLongAfterItsMaking() throws Exception {
    SteadyGate none = SteadyGate.of(null, Duration.ZERO);
    assertFalse(none.warmsUp());
    assertTrue(none.reached());
    SteadyGate hour = SteadyGate.of(null, Duration.ofHours(1));
    assertTrue(hour.warmsUp());
    assertFalse(hour.reached(), "an hour away");
    SteadyGate brief = SteadyGate.of(null, Duration.ofMillis(40));
    assertTrue(brief.warmsUp());
    Thread.sleep(60);
    assertTrue(brief.reached());
  }

  @Test
  void aFileWinsOverAWarmup() throws Exception {
    Path file = dir.resolve("steady-start");
    Files.writeString(file, Long.toString(System.currentTimeMillis() - 1));
    assertTrue(SteadyGate.of(file, Duration.ofHours(1)).reached());
  }
}
