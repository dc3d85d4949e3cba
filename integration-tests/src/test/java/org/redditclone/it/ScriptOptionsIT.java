package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every script that starts processes, given a misspelt option and then a bad value (its own, or
 * one it passes on to the client JVMs), exits 2 at once with a message naming the option, and
 * leaves no process and no run folder: the mistake costs a second, not a whole run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ScriptOptionsIT {

  /** Far below the 60 s of load each command asks for: a check that ran the load would miss it. */
  private static final long AT_ONCE_MILLIS = 30_000;

  private RealProcesses procs;

  @BeforeAll
  void harness() throws IOException {
    procs = RealProcesses.create();
  }

  @AfterAll
  void stop() {
    procs.close();
  }

  Stream<Arguments> badOptions() {
    String registry = "127.0.0.1:" + procs.registryPort(); // nothing listens there
    return Stream.of(
        Arguments.of("simulate.sh", "--warmpu", List.of("--clients", "1", "--users", "10", "--duration", "5s",
            "--warmpu", "10s")),
        Arguments.of("simulate.sh", "--rate", List.of("--duration", "60s", "--rate", "fast")),
        Arguments.of("simulate.sh", "--clients", List.of("--clients=many", "--duration", "60s")),
        Arguments.of("start-clients.sh", "--threshold 'ALL.p99<60': a latency's VALUE is a duration with a unit",
            List.of("--clients", "2", "--registry", registry, "--duration", "60s", "--threshold", "ALL.p99<60")),
        Arguments.of("simulate.sh", "--threshold 'ALL.error_rate<1': error_rate's VALUE is a percentage",
            List.of("--duration", "60s", "--threshold", "ALL.p99<100ms", "--threshold", "ALL.error_rate<1")),
        Arguments.of("simulate.sh", "--warmup", List.of("--duration", "60s", "--warmup", "soon")),
        Arguments.of("start-clients.sh", "--users", List.of("--clients", "2", "--registry", registry,
            "--duration", "60s", "--users", "lots")),
        Arguments.of("bench.sh", "--threds", List.of("--duration", "60", "--threds", "4")),
        Arguments.of("bench.sh", "--seed", List.of("--duration", "60", "--seed", "abc")),
        Arguments.of("crash-test.sh", "--befor-kill", List.of("--rounds", "1", "--befor-kill", "3")),
        Arguments.of("crash-test.sh", "--after-kill", List.of("--rounds", "1", "--after-kill", "soon")),
        Arguments.of("crash-test.sh", "--users", List.of("--rounds", "1", "--sim-users", "100000")),
        Arguments.of("crash-test.sh", "--fault", List.of("--rounds", "1", "--fault", "flood")),
        Arguments.of("start-engine.sh", "--fsync", List.of("--registry", registry, "--fsync", "sometimes")),
        Arguments.of("compare.sh", "--formt", List.of("--formt", "md", "runs/a", "runs/b")),
        Arguments.of("compare.sh", "not a directory", List.of(procs.home().resolve("runs/none-a").toString(),
            procs.home().resolve("runs/none-b").toString())),
        Arguments.of("report.sh", "--outt", List.of("--outt", "x.html", procs.home().toString())),
        Arguments.of("report.sh", "not a directory", List.of(procs.home().resolve("runs/none").toString())));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("badOptions")
  void aBadOptionExitsTwoAtOnce_namingIt_andStartsNothing(String script, String named, List<String> args)
      throws Exception {
    List<String> all = new ArrayList<>(args);
    if (!script.equals("compare.sh") && !script.equals("report.sh")) {
      all.addAll(switch (script) {
        case "crash-test.sh" -> List.of("--work", procs.home().resolve("runs/crash").toString());
        case "start-engine.sh" -> List.of("--data-dir", procs.home().resolve("runs/data").toString());
        default -> List.of("--runs-dir", procs.home().resolve("runs").toString());
      });
    }
    long started = System.nanoTime();
    RealProcesses.Result result = procs.script(script, all.toArray(String[]::new));
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains(named), "the message names " + named + ": " + result.stderr());
    assertTrue(millis < AT_ONCE_MILLIS, script + " took " + millis + " ms to refuse " + args);
    assertFalse(Files.exists(procs.home().resolve("runs")), "a run folder was made: " + result);
    assertEquals(List.of(), pidFiles(), "pid files were left");
    assertEquals(List.of(), processesNaming(procs.home()), "processes were left");
  }

  private List<Path> pidFiles() throws IOException {
    Path state = procs.home().resolve("state");
    if (!Files.isDirectory(state)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(state)) {
      return files.filter(f -> f.toString().endsWith(".pid")).toList();
    }
  }

  /** Returns the command lines of live processes that name {@code folder} (all we start do). */
  private static List<String> processesNaming(Path folder) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().orElse(""))
        .filter(line -> line.contains(folder.toString()))
        .toList();
  }
}
