package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redditclone.engine.EngineOptions.UsageException;

final class EngineOptionsTest {

  @Test
  void noOptions_giveTheDefaults() throws Exception {
    EngineOptions o = EngineOptions.parse();
    assertEquals("127.0.0.1", o.registryHost());
    assertEquals(1099, o.registryPort());
    assertFalse(o.embeddedRegistry());
    assertEquals(Path.of("data"), o.dataDir());
    assertEquals(210_000, o.passwordCost());
    assertEquals("127.0.0.1", o.bindAddress());
    assertEquals(0, o.port());
    assertEquals(Duration.ofHours(24), o.sessionIdleTimeout());
    assertFalse(o.help());
  }

  @Test
  void everyOption_isParsed() throws Exception {
    EngineOptions o = EngineOptions.parse("--registry", "localhost:2099", "--embedded-registry",
        "--data-dir", "/tmp/x", "--password-cost", "1000", "--bind-address", "0.0.0.0",
        "--port", "4000", "--session-idle-timeout", "30m", "--help");
    assertEquals("localhost", o.registryHost());
    assertEquals(2099, o.registryPort());
    assertTrue(o.embeddedRegistry());
    assertEquals(Path.of("/tmp/x"), o.dataDir());
    assertEquals(1000, o.passwordCost());
    assertEquals("0.0.0.0", o.bindAddress());
    assertEquals(4000, o.port());
    assertEquals(Duration.ofMinutes(30), o.sessionIdleTimeout());
    assertTrue(o.help());
  }

  @ParameterizedTest
  @CsvSource({"90s, PT1M30S", "24h, PT24H", "7d, PT168H", "500ms, PT0.5S", "PT45M, PT45M"})
  void durations_acceptShortAndIsoForms(String text, String iso) throws Exception {
    assertEquals(Duration.parse(iso), EngineOptions.duration("--session-idle-timeout", text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--registry|nocolon|--registry 'nocolon'",
    "--registry|host:99999|--registry '99999'",
    "--password-cost|0|--password-cost '0'",
    "--password-cost|many|--password-cost 'many'",
    "--port|-1|--port",
    "--session-idle-timeout|soon|--session-idle-timeout 'soon'",
    "--session-idle-timeout|0s|--session-idle-timeout '0s'",
    "--frobnicate|x|'--frobnicate'",
  })
  void badOption_namesOptionAndValue(String option, String value, String expected) {
    UsageException e = assertThrows(UsageException.class, () -> EngineOptions.parse(option, value));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void missingValue_namesTheOption() {
    UsageException e = assertThrows(UsageException.class, () -> EngineOptions.parse("--port"));
    assertEquals("--port needs a value", e.getMessage());
  }

  @Test
  void registrySecret_isForASeparateRegistryOnly() throws Exception {
    assertEquals(java.nio.file.Path.of(".run/registry.secret"),
        EngineOptions.parse("--registry-secret", ".run/registry.secret").registrySecret());
    assertEquals(null, EngineOptions.parse().registrySecret());
    UsageException e = assertThrows(UsageException.class,
        () -> EngineOptions.parse("--embedded-registry", "--registry-secret", "s"));
    assertEquals("--registry-secret 's' is for a separate registry; --embedded-registry needs none", e.getMessage());
  }

  @Test
  void usage_explainsEveryOption() {
    for (String option : new String[] {"--registry", "--embedded-registry", "--registry-secret", "--data-dir",
        "--password-cost", "--bind-address", "--port", "--session-idle-timeout", "--help"}) {
      assertTrue(EngineOptions.USAGE.contains(option), option);
    }
  }
}
