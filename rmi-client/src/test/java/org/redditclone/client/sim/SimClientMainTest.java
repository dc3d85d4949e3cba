package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SimClientMainTest {

  @TempDir Path dir;

  @Test
  void checkOptions_ofGoodOptionsExitsZeroAndStartsNothing() {
    Path out = dir.resolve("run");
    int status = SimClientMain.run(new String[] {"--check-options", "--client-id", "4",
        "--out", out.toString(), "--registry", "127.0.0.1:1", "--users", "10", "--warmup", "10s"});
    assertEquals(SimClientMain.EXIT_OK, status);
    assertFalse(Files.exists(out), "--check-options created the run folder");
  }

  @Test
  void checkOptions_ofAMisspeltOptionExitsTwo() {
    assertEquals(SimClientMain.EXIT_USAGE, SimClientMain.run(new String[] {"--client-id", "1",
        "--out", dir.toString(), "--warmpu", "10s", "--check-options"}));
  }

  @Test
  void checkOptions_appliesTheRulesThatNeedSeveralOptions() {
    // Each option alone is good; together they are not.
    assertEquals(SimClientMain.EXIT_USAGE, SimClientMain.run(new String[] {"--check-options",
        "--client-id", "1", "--concurrency", "8", "--out", dir.toString()}));
  }
}
