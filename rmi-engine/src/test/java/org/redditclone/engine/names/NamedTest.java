package org.redditclone.engine.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

final class NamedTest {

  @Test
  void key_isTheSameForEverySpellingThatDiffersInCase() {
    assertEquals(Named.key("java"), Named.key("Java"));
    assertEquals(Named.key("java"), Named.key("JAVA"));
  }

  @Test
  void key_doesNotDependOnTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr")); // lower-cases 'I' to a dotless i
      assertEquals("title", Named.key("TITLE"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void toString_namesTheKindTheNameAndTheId() {
    Named named = new Named(7, "Java", 1L) {
      @Override
      protected String kind() {
        return "Subreddit";
      }
    };
    assertEquals("Subreddit[Java#7]", named.toString());
  }
}
