package org.redditclone.inprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class InProcessOptionsTest {

  @Test
  void simulatorOptions_passToEveryClient_withItsOwnIdAndTheRunFolder() {
    InProcessOptions o = InProcessOptions.parse("--clients", "3", "--run-dir", "runs/x", "--data-dir",
        "runs/x/data", "--users", "50", "--closed", "--concurrency", "4");
    assertEquals(3, o.clients());
    assertEquals(Path.of("runs/x/data"), o.dataDir());
    assertArrayEquals(new String[] {"--users", "50", "--closed", "--concurrency", "4", "--client-id", "2",
        "--out", "runs/x"}, o.clientArgs(2));
    assertArrayEquals(new String[] {"--data-dir", "runs/x/data"}, o.engineArgs());
  }

  @Test
  void passwordCost_goesToTheEngine() {
    InProcessOptions o = InProcessOptions.parse("--clients", "1", "--run-dir", "r", "--data-dir", "d",
        "--password-cost", "1000");
    assertArrayEquals(new String[] {"--data-dir", "d", "--password-cost", "1000"}, o.engineArgs());
  }

  @Test
  void anOptionTheLauncherSets_isRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InProcessOptions.parse(
        "--clients", "1", "--run-dir", "r", "--data-dir", "d", "--registry", "127.0.0.1:1099"));
    assertTrue(e.getMessage().startsWith("--registry is not an option here"), e.getMessage());
  }

  @Test
  void clientsOutOfRange_orMissingFolders_areRefusedNamingTheOption() {
    assertEquals("--clients 0 is out of range; it must be 1..1000", assertThrows(IllegalArgumentException.class,
        () -> InProcessOptions.parse("--clients", "0", "--run-dir", "r", "--data-dir", "d")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> InProcessOptions.parse("--clients", "2", "--data-dir", "d")).getMessage().startsWith("--run-dir is missing"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> InProcessOptions.parse("--clients", "2", "--run-dir", "r")).getMessage().startsWith("--data-dir is missing"));
  }
}
