package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two runs at the same time against one engine, each through scripts/start-clients.sh with a run
 * id of its own and one client, client 1 in both: the user names of the two runs differ only by
 * their run tag. Both pass the consistency check, and the runs' writes show in each other's outside
 * writes.
 */
final class TwoRunsIT {

  @Test
  void twoRunsAtOnceOnOneEngine_bothPass_eachCountingTheOthersWritesAsOutsideWrites() throws Exception {
    try (RealProcesses procs = RealProcesses.start()) {
      Path runs = procs.home().resolve("runs");
      List<Process> twins = new ArrayList<>();
      for (String id : List.of("twin-a", "twin-b")) {
        twins.add(procs.startScript("start-clients.sh", "--clients", "1", "--run-id", id,
            "--runs-dir", runs.toString(), "--registry", procs.registry(), "--users", "60",
            "--duration", "5s", "--rate", "80", "--subreddits", "20"));
      }
      long outsidePosts = 0;
      for (int i = 0; i < twins.size(); i++) {
        Path run = runs.resolve(i == 0 ? "twin-a" : "twin-b");
        assertTrue(twins.get(i).waitFor(120, TimeUnit.SECONDS), run + " did not end in 120 s");
        Properties checked = load(run.resolve("run.properties"));
        assertEquals(0, twins.get(i).exitValue(), checked.toString());
        assertEquals("PASS", checked.getProperty("consistency"), checked.toString());
        assertTrue(checked.getProperty("consistency.client.1").startsWith("PASS posts="), checked.toString());
        assertTrue(Long.parseLong(load(run.resolve("client-1.properties")).getProperty("acked.posts")) > 0,
            run + " posted nothing");
        String outside = checked.getProperty("consistency.outside");
        outsidePosts += Long.parseLong(outside.split(" ")[0].substring("posts=".length()));
      }
      // The runs overlap, so each saw the other's posts as outside writes; at least one of them
      // did, however the machine timed them.
      assertTrue(outsidePosts > 0, "no run saw the other's posts as outside writes");
    }
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    return p;
  }
}
