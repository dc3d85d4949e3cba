package org.redditclone.client.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RegistryAddressTest {

  @Test
  void parse_readsHostAndPort() {
    assertEquals(new RegistryAddress("10.0.0.7", 2001), RegistryAddress.parse("--registry", "10.0.0.7:2001"));
  }

  @Test
  void parse_withoutPort_usesTheDefaultPort() {
    assertEquals(1099, RegistryAddress.parse("--registry", "localhost").port());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ":1099", "host:abc", "host:0", "host:70000"})
  void parse_rejectsMalformedAddresses_namingTheOption(String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RegistryAddress.parse("--registry", value));
    assertTrue(e.getMessage().startsWith("--registry"), e.getMessage());
  }
}
