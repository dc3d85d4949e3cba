package org.redditclone.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redditclone.client.connect.RegistryAddress;

final class CliOptionsTest {

  @Test
  void withoutOptionsTheRegistryIsTheLocalDefault() throws UsageException {
    CliOptions options = CliOptions.parse(new String[] {"stats"});
    assertEquals(RegistryAddress.LOCAL_DEFAULT, options.registry());
    assertNull(options.as());
    assertEquals(List.of("stats"), options.command());
  }

  @Test
  void optionsComeBeforeTheCommandInEitherSpelling() throws UsageException {
    CliOptions options = CliOptions.parse(
        new String[] {"--registry", "10.0.0.1:2000", "--as=bob:p:w", "vote", "p1", "up"});
    assertEquals(new RegistryAddress("10.0.0.1", 2000), options.registry());
    assertEquals(new Credentials("bob", "p:w"), options.as());
    assertEquals(List.of("vote", "p1", "up"), options.command());
  }

  @Test
  void wordsAfterTheCommandAreArgumentsEvenIfTheyLookLikeOptions() throws UsageException {
    CliOptions options = CliOptions.parse(new String[] {"post", "gleam", "--as", "x"});
    assertEquals(List.of("post", "gleam", "--as", "x"), options.command());
  }

  @Test
  void noCommandMeansReadStandardInput() throws UsageException {
    assertTrue(CliOptions.parse(new String[] {"--as", "a:b"}).command().isEmpty());
  }

  @Test
  void debugIsAFlagWithoutAValue() throws UsageException {
    CliOptions options = CliOptions.parse(new String[] {"--debug", "--registry", "h:2000", "stats"});
    assertTrue(options.debug());
    assertEquals(List.of("stats"), options.command());
    assertEquals(false, CliOptions.parse(new String[] {"stats"}).debug());
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThrows(UsageException.class, () -> CliOptions.parse(new String[] {"--registry"}));
    assertThrows(UsageException.class, () -> CliOptions.parse(new String[] {"--bogus", "x"}));
    assertThrows(UsageException.class, () -> CliOptions.parse(new String[] {"--as", "nocolon"}));
    UsageException e = assertThrows(UsageException.class,
        () -> CliOptions.parse(new String[] {"--registry", "host:port"}));
    assertTrue(e.getMessage().contains("--registry 'host:port'"), e.getMessage());
  }

  @Test
  void credentialsNeverShowThePassword() {
    assertEquals("Credentials[username=bob, password=<hidden>]",
        new Credentials("bob", "secret").toString());
  }
}
