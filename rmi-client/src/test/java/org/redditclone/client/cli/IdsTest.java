package org.redditclone.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.redditclone.client.cli.Ids.Kind;
import org.redditclone.client.cli.Ids.Ref;

final class IdsTest {

  @Test
  void formatPutsTheKindLetterBeforeTheNumber() {
    assertEquals("p42", Ids.format(Kind.POST, 42));
    assertEquals("c17", Ids.format(Kind.COMMENT, 17));
    assertEquals("m4", Ids.format(Kind.MESSAGE, 4));
  }

  @Test
  void singleKindArgumentAcceptsItsPrefixOrABareNumber() throws UsageException {
    assertEquals(42, Ids.parse("POST_ID", "p42", Kind.POST));
    assertEquals(42, Ids.parse("POST_ID", "42", Kind.POST));
    assertEquals(17, Ids.parse("COMMENT_ID", "c17", Kind.COMMENT));
    assertEquals(4, Ids.parse("MESSAGE_ID", "4", Kind.MESSAGE));
  }

  @Test
  void wrongPrefixNamesTheArgumentTheValueAndTheExpectedKind() {
    UsageException e =
        assertThrows(UsageException.class, () -> Ids.parse("POST_ID", "c42", Kind.POST));
    assertEquals("POST_ID 'c42' is a comment id; expected a post id such as p42 or the bare number",
        e.getMessage());
  }

  @Test
  void somethingThatIsNoIdIsRefused() {
    for (String bad : new String[] {"x42", "p", "p-1", "", "4 2", "p99999999999999999999"}) {
      UsageException e =
          assertThrows(UsageException.class, () -> Ids.parse("POST_ID", bad, Kind.POST), bad);
      assertTrue(e.getMessage().startsWith("POST_ID"), e.getMessage());
    }
  }

  @Test
  void voteAndDeleteTakePrefixedPostOrCommentIds() throws UsageException {
    assertEquals(new Ref(Kind.POST, 1), Ids.parsePostOrComment("ID", "p1"));
    assertEquals(new Ref(Kind.COMMENT, 3), Ids.parsePostOrComment("ID", "c3"));
  }

  @Test
  void bareNumberForVoteOrDeleteExplainsThePrefixes() {
    UsageException e =
        assertThrows(UsageException.class, () -> Ids.parsePostOrComment("ID", "42"));
    assertEquals("ID '42' has no kind prefix; write p42 for a post or c42 for a comment",
        e.getMessage());
  }

  @Test
  void messageIdForVoteOrDeleteIsRefused() {
    UsageException e =
        assertThrows(UsageException.class, () -> Ids.parsePostOrComment("ID", "m4"));
    assertTrue(e.getMessage().contains("'m4' is a message id"), e.getMessage());
  }
}
