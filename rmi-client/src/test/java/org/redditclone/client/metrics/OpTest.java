package org.redditclone.client.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class OpTest {

  @ParameterizedTest
  @EnumSource(Op.class)
  void wireName_roundTripsThroughFromWireName(Op op) {
    assertSame(op, Op.fromWireName(op.wireName()));
    assertEquals(op.wireName().toLowerCase(java.util.Locale.ROOT), op.wireName());
  }

  @Test
  void wireName_isLowerCaseWithUnderscores() {
    assertEquals("vote_post", Op.VOTE_POST.wireName());
    assertEquals("comment_tree", Op.COMMENT_TREE.wireName());
  }

  @Test
  void fromWireName_rejectsAnUnknownNameAndNamesIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Op.fromWireName("VOTE_POST"));
    assertTrue(e.getMessage().contains("'VOTE_POST'"), e.getMessage());
  }

  @Test
  void tag_ofAFailureEndsInDotErrorAndParsesBack() {
    assertEquals("post.error", Tag.failure(Op.POST).wireName());
    assertEquals(Tag.failure(Op.SEND_DM), Tag.parse("send_dm.error"));
    assertEquals(Tag.success(Op.SEND_DM), Tag.parse("send_dm"));
    assertThrows(IllegalArgumentException.class, () -> Tag.parse("nonsense.error"));
  }
}
