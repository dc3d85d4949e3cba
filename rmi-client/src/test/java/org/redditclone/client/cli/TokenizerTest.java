package org.redditclone.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class TokenizerTest {

  @Test
  void spacesAndTabsSeparateWords_andRunsOfThemCountOnce() throws UsageException {
    assertEquals(List.of("post", "gleam", "t", "b"), Tokenizer.split("  post \t gleam   t b  "));
  }

  @Test
  void blankLineHasNoWords() throws UsageException {
    assertEquals(List.of(), Tokenizer.split("   \t "));
  }

  @Test
  void doubleQuotesKeepSpacesInOneWord() throws UsageException {
    assertEquals(List.of("post", "gleam", "Hello world", "two  spaces"),
        Tokenizer.split("post gleam \"Hello world\" \"two  spaces\""));
  }

  @Test
  void singleQuotesKeepEverythingLiterally() throws UsageException {
    assertEquals(List.of("it's \"fine\" \\n"), Tokenizer.split("'it'\\''s \"fine\" \\n'"));
  }

  @Test
  void backslashInsideDoubleQuotesEscapesQuoteBackslashAndControlCharacters()
      throws UsageException {
    assertEquals(List.of("say \"hi\"\\\nnext\ttab\r\u00e9"),
        Tokenizer.split("\"say \\\"hi\\\"\\\\\\nnext\\ttab\\r\\u00e9\""));
  }

  @Test
  void backslashBeforeAnOrdinaryCharacterInsideDoubleQuotesStays() throws UsageException {
    assertEquals(List.of("C:\\dir"), Tokenizer.split("\"C:\\dir\""));
  }

  @Test
  void backslashOutsideQuotesMakesTheNextCharacterLiteral() throws UsageException {
    assertEquals(List.of("a b", "\"x", "n"), Tokenizer.split("a\\ b \\\"x \\n"));
  }

  @Test
  void adjacentQuotedAndBarePartsJoinIntoOneWord() throws UsageException {
    assertEquals(List.of("title=Hello world", "ab'c"), Tokenizer.split("title=\"Hello world\" a\"b\"\"'c\""));
  }

  @Test
  void emptyQuotesMakeAnEmptyWord() throws UsageException {
    assertEquals(List.of("create-sub", "gleam", ""), Tokenizer.split("create-sub gleam \"\""));
    assertEquals(List.of(""), Tokenizer.split("''"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"post \"unclosed", "post 'unclosed", "say \"it\\\""})
  void unterminatedQuoteIsAUsageErrorThatSaysWhere(String line) {
    UsageException e = assertThrows(UsageException.class, () -> Tokenizer.split(line));
    assertTrue(e.getMessage().startsWith("unterminated"), e.getMessage());
    assertTrue(e.getMessage().contains("column"), e.getMessage());
  }

  @Test
  void trailingBackslashIsAUsageError() {
    UsageException e = assertThrows(UsageException.class, () -> Tokenizer.split("post x\\"));
    assertTrue(e.getMessage().contains("backslash"), e.getMessage());
  }

  @Test
  void badUnicodeEscapeIsAUsageError() {
    UsageException e = assertThrows(UsageException.class, () -> Tokenizer.split("\"\\u12g4\""));
    assertTrue(e.getMessage().contains("four hex digits"), e.getMessage());
  }
}
