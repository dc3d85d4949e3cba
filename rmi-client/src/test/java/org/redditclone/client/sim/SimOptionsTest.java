package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SimOptionsTest {

  @Test
  void defaultsApplyWhenOnlyTheRequiredOptionsAreGiven() {
    SimOptions o = SimOptions.parse("--client-id", "3", "--out", "runs/x");
    assertEquals(3, o.clientId);
    assertEquals(Path.of("runs/x"), o.out);
    assertEquals("127.0.0.1:1099", o.registry.toString());
    assertEquals(1000, o.users);
    assertEquals(Duration.ofSeconds(60), o.duration);
    assertEquals(100, o.subreddits);
    assertEquals(1.0, o.zipfExponent);
    assertEquals(200, o.rate);
    assertFalse(o.closed);
    assertEquals(Duration.ofSeconds(20), o.onlineMean);
    assertEquals(Duration.ofSeconds(5), o.offlineMean);
    assertFalse(o.seedGiven);
    assertEquals(48, o.workers);
  }

  @ParameterizedTest
  @CsvSource({"200, 48", "1000, 48", "100, 25", "3, 4", "0.5, 4", "17, 5"})
  void workers_followTheRateWhenNotGiven_fourToFortyEight(String rate, int workers) {
    assertEquals(workers, SimOptions.parse("--client-id", "1", "--out", "x", "--rate", rate).workers);
  }

  @Test
  void workersGiven_areKeptWhateverTheRate() {
    assertEquals(100, SimOptions.parse("--client-id", "1", "--out", "x", "--rate", "3", "--workers", "100").workers);
  }

  @Test
  void checkOptions_isAFlagThatLeavesTheOtherOptionsAsTheyAre() {
    SimOptions o = SimOptions.parse("--client-id", "3", "--check-options", "--out", "runs/x", "--users", "7");
    assertTrue(o.checkOnly);
    assertEquals(7, o.users);
    assertFalse(SimOptions.parse("--client-id", "3", "--out", "runs/x").checkOnly);
  }

  @Test
  void everyOptionIsReadInBothSpellings() {
    SimOptions o = SimOptions.parse("--client-id=2", "--out=d", "--registry", "10.0.0.1:2000",
        "--users", "50", "--duration=500ms", "--seed", "-7", "--subreddits", "20",
        "--zipf-exponent", "1.5", "--closed", "--concurrency", "8", "--mix", "feed=1,post=2",
        "--online-mean", "2m", "--offline-mean", "0", "--workers", "4", "--setup-parallelism", "2");
    assertEquals("10.0.0.1:2000", o.registry.toString());
    assertEquals(50, o.users);
    assertEquals(Duration.ofMillis(500), o.duration);
    assertEquals(-7, o.seed);
    assertTrue(o.seedGiven);
    assertEquals(20, o.subreddits);
    assertEquals(1.5, o.zipfExponent);
    assertTrue(o.closed);
    assertEquals(8, o.concurrency);
    assertEquals("post=2,feed=1", o.mix.toString());
    assertEquals(Duration.ofMinutes(2), o.onlineMean);
    assertEquals(Duration.ZERO, o.offlineMean);
    assertEquals(4, o.workers);
    assertEquals(2, o.setupParallelism);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
    "--users | abc | 'abc'",
    "--users | 0 | 0",
    "--duration | 5x | '5x'",
    "--duration | 0s | '0s'",
    "--rate | -3 | -3",
    "--zipf-exponent | zero | 'zero'",
    "--subreddits | 100000 | 100000",
    "--registry | host:99999 | 99999",
    "--mix | post=x | 'x'",
    "--online-mean | never | 'never'",
    "--seed | 1.5 | '1.5'",
  })
  void aBadValueIsNamedWithItsOption(String option, String value, String shown) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SimOptions.parse("--client-id", "1", "--out", "d", option, value));
    assertTrue(e.getMessage().contains(option), e.getMessage());
    assertTrue(e.getMessage().contains(shown), e.getMessage());
  }

  @Test
  void aMissingClientIdIsNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SimOptions.parse("--out", "d"));
    assertTrue(e.getMessage().contains("--client-id"), e.getMessage());
  }

  @Test
  void aMissingValueIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SimOptions.parse("--client-id", "1", "--out", "d", "--users"));
    assertEquals("--users needs a value", e.getMessage());
  }

  @Test
  void anUnknownOptionIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SimOptions.parse("--client-id", "1", "--out", "d", "--speed", "9"));
    assertTrue(e.getMessage().contains("'--speed'") && e.getMessage().contains("'9'"), e.getMessage());
  }

  @Test
  void concurrencyWithoutClosedIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SimOptions.parse("--client-id", "1", "--out", "d", "--concurrency", "4"));
    assertTrue(e.getMessage().contains("--concurrency 4"), e.getMessage());
  }

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({"500ms, 500", "30s, 30000", "2m, 120000", "1h, 3600000", "45, 45000", "1.5s, 1500"})
  void durationsAreReadWithTheirUnits(String text, long millis) {
    assertEquals(Duration.ofMillis(millis), SimOptions.duration("--duration", text, false));
  }

  @Test
  void helpNeedsNoOtherOption() {
    assertTrue(SimOptions.parse("--help").help);
    String usage = SimOptions.usage();
    for (String option : new String[] {"--registry", "--client-id", "--users", "--duration",
        "--seed", "--subreddits", "--zipf-exponent", "--rate", "--closed", "--concurrency",
        "--mix", "--online-mean", "--offline-mean", "--out", "--warmup"}) {
      assertTrue(usage.contains(option), option);
    }
  }

  @Test
  void pingAndSteadyStartFileAreRead() {
    SimOptions o = SimOptions.parse("--client-id", "1", "--out", "d", "--ping", "--closed",
        "--concurrency", "4", "--steady-start-file", "d/steady-start");
    assertTrue(o.ping);
    assertEquals(Path.of("d/steady-start"), o.steadyStartFile);
  }

  @Test
  void pingWithoutClosedIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SimOptions.parse("--client-id", "1", "--out", "d", "--ping"));
    assertTrue(e.getMessage().contains("--ping"), e.getMessage());
  }

  @Test
  void warmupIsReadAndExcludesASteadyStartFile() {
    assertEquals(Duration.ofSeconds(20),
        SimOptions.parse("--client-id", "1", "--out", "d", "--warmup", "20s").warmup);
    assertEquals(Duration.ZERO, SimOptions.parse("--client-id", "1", "--out", "d").warmup);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SimOptions.parse("--client-id", "1", "--out", "d", "--warmup", "5s",
            "--steady-start-file", "d/steady-start"));
    assertTrue(e.getMessage().contains("--warmup 5000ms")
        && e.getMessage().contains("--steady-start-file"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SimOptions.parse("--client-id", "1", "--out", "d", "--warmup", "soon"));
    assertTrue(e.getMessage().contains("--warmup") && e.getMessage().contains("soon"),
        e.getMessage());
  }

  @Test
  void withACoordinator_onlyItsAddressAndTheRegistryAreNeeded() {
    SimOptions o = SimOptions.parse("--coordinator", "10.0.0.5:40000", "--registry", "10.0.0.5:1099", "--users", "500");
    assertEquals("10.0.0.5:40000", o.coordinator.toString());
    assertEquals(0, o.clientId, "handed out by the coordinator");
    assertEquals(null, o.out, "a temporary folder of its own");
    assertEquals(7, SimOptions.parse("--coordinator", "h:1", "--client-id", "7").clientId);
  }

  @Test
  void withACoordinator_theRunsTimesAndTheOtherGatesAreRefused() {
    for (String[] args : List.of(new String[] {"--duration", "5s"}, new String[] {"--warmup", "5s"})) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SimOptions.parse("--coordinator", "h:1", args[0], args[1]));
      assertEquals(args[0] + " is the run's, set by its coordinator (give it to scripts/start-clients.sh or "
          + "simulate.sh); a client with --coordinator takes none", e.getMessage());
    }
    assertThrows(IllegalArgumentException.class,
        () -> SimOptions.parse("--coordinator", "h:1", "--steady-start-file", "f"));
    assertThrows(IllegalArgumentException.class,
        () -> SimOptions.parse("--coordinator", "h:1", "--ping", "--closed"));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> SimOptions.parse("--coordinator", "h:none"));
    assertTrue(bad.getMessage().startsWith("--coordinator 'h:none' has port 'none'"), bad.getMessage());
  }
}
