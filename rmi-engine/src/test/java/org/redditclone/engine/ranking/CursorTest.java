package org.redditclone.engine.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redditclone.api.InvalidInputException;

final class CursorTest {

  @Test
  void encodedCursor_decodesToTheSameKey() throws Exception {
    RankKey key = new RankKey(-12.3456789, 42);
    assertEquals(key, Cursor.decode("HOT", Cursor.encode("HOT", key)));
  }

  @Test
  void nullCursor_meansFirstPage() throws Exception {
    assertNull(Cursor.decode("HOT", null));
  }

  @Test
  void cursorOfAnotherListing_isRefused() {
    String cursor = Cursor.encode("NEW", new RankKey(1, 1));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Cursor.decode("HOT", cursor));
    assertEquals("cursor", e.field());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "!!!", "djF8SE9UfHp6fDE", "djF8SE9UfDB8LTE"})
  void garbageCursor_isRefusedNamingCursor(String cursor) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Cursor.decode("HOT", cursor));
    assertEquals("cursor", e.field());
    assertTrue(e.getMessage().startsWith("cursor '"), e.getMessage());
  }
}
