package org.redditclone.client.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CoordinatorOptionsTest {

  private static final String[] REQUIRED = {"--run-dir", "/tmp/runs/r1", "--registry", "127.0.0.1:1099"};

  @Test
  void defaults_aFreePortForTheLivePage_aMinuteWithoutWarmUp_oneClient() {
    CoordinatorOptions o = CoordinatorOptions.parse(REQUIRED);
    assertEquals(0, o.httpPort());
    assertEquals(0, o.port());
    assertEquals(1, o.expectedClients());
    assertEquals(Duration.ofSeconds(60), o.duration());
    assertEquals(Duration.ZERO, o.warmup());
    assertEquals("r1", o.runId());
    assertEquals("127.0.0.1", o.bindAddress().getHostAddress());
  }

  @Test
  void theLivePagesPort_isTakenInEitherSpelling() {
    assertEquals(8080, parse("--http-port", "8080").httpPort());
    assertEquals(9090, parse("--http-port=9090").httpPort());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--http-port | abc | --http-port 'abc' must be a whole number 0..65535",
      "--http-port | 65536 | --http-port '65536' must be a whole number 0..65535",
      "--expect-clients | 0 | --expect-clients '0' must be a whole number 1..10000",
      "--port | -1 | --port '-1' must be a whole number 0..65535"})
  void aBadNumber_namesTheOptionTheValueAndTheRule(String option, String value, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> parse(option, value)).getMessage());
  }

  @Test
  void aMissingRunDir_isNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CoordinatorOptions.parse("--registry", "127.0.0.1:1099"));
    assertEquals("--run-dir is missing; it is required (the run folder)", e.getMessage());
  }

  private static CoordinatorOptions parse(String... more) {
    String[] all = new String[REQUIRED.length + more.length];
    System.arraycopy(REQUIRED, 0, all, 0, REQUIRED.length);
    System.arraycopy(more, 0, all, REQUIRED.length, more.length);
    return CoordinatorOptions.parse(all);
  }
}
