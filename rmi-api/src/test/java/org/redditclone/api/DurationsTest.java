package org.redditclone.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class DurationsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "500ms, PT0.5S", "1.5s, PT1.5S", "30s, PT30S", "2m, PT2M", "24h, PT24H", "7d, PT168H",
    "45, PT45S", "0.25, PT0.25S", ".5s, PT0.5S", "2., PT2S", "0, PT0S", "0s, PT0S",
    "PT30M, PT30M", "pt30m, PT30M", "P1DT2H, PT26H", "1.5MS, PT0.0015S", "' 90S ', PT1M30S",
    "0.0000000004s, PT0S", "0.0000000006s, PT0.000000001S"
  })
  void everyFormOfTheGrammar(String text, String iso) {
    assertEquals(Duration.parse(iso), Durations.parse("--d", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "soon", "5x", "-1s", "1e3s", "NaN", "Infinity", "1.2.3s",
      "s", "ms", "PT-5S", "-PT5S", "P", "1 s", "0x10", "99999999999999999999d"})
  void anythingElseIsRefusedNamingOptionValueAndForms(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("--duration", text));
    assertEquals("--duration '" + text + "' is not a duration; write " + Durations.FORMS, e.getMessage());
  }

  @Test
  void nullIsNotADuration() {
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("--duration", null));
  }

  @Test
  void bounds_nameTheRule() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> Durations.parsePositive("--session-idle-timeout", "0s"));
    assertEquals("--session-idle-timeout '0s' must be more than 0", zero.getMessage());
    IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
        () -> Durations.parse("--x", "1s", Duration.ofSeconds(2), Duration.ofDays(1)));
    assertEquals("--x '1s' must be at least 2s", low.getMessage());
    IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
        () -> Durations.parse("--duration", "8d", Duration.ZERO, Duration.ofDays(7)));
    assertEquals("--duration '8d' is longer than the limit of 7d", high.getMessage());
    assertEquals(Duration.ofDays(7), Durations.parse("--duration", "7d", Duration.ZERO, Duration.ofDays(7)));
    assertEquals(Duration.ZERO, Durations.parse("--warmup", "0", Duration.ZERO, Duration.ofDays(7)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"PT168H, 7d", "PT2H, 2h", "PT90S, 90s", "PT0.5S, 500ms", "PT0.0000015S, 0.0015ms",
      "PT0S, 0d"})
  void text_isTheShortestExactForm_andParsesBack(String iso, String text) {
    Duration d = Duration.parse(iso);
    assertEquals(text, Durations.text(d));
    assertEquals(d, Durations.parse("--d", Durations.text(d)));
  }

  @Test
  void text_refusesANegativeDuration() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Durations.text(Duration.ofSeconds(-1))).getMessage().contains("negative"));
  }
}
