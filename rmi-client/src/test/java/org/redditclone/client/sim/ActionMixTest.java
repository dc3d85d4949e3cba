package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class ActionMixTest {

  @Test
  void theDefaultMixIsReadDominatedWithCommonVotesAndRarerPosts() {
    ActionMix mix = ActionMix.defaults();
    double reads = mix.weight(Action.FEED) + mix.weight(Action.LISTING)
        + mix.weight(Action.COMMENT_TREE) + mix.weight(Action.INBOX);
    double votes = mix.weight(Action.VOTE_POST) + mix.weight(Action.VOTE_COMMENT);
    double writes = mix.weight(Action.POST) + mix.weight(Action.REPOST);
    assertTrue(reads > votes && votes > writes, mix.toString());
    for (Action a : Action.values()) {
      assertTrue(mix.weight(a) > 0, a + " has weight 0 in the default mix");
    }
  }

  @Test
  void unlistedKeysWeighZeroAndVoteSplitsInTwo() {
    ActionMix mix = ActionMix.parse("--mix", "post=1, vote=4");
    assertEquals(1, mix.weight(Action.POST));
    assertEquals(2, mix.weight(Action.VOTE_POST));
    assertEquals(2, mix.weight(Action.VOTE_COMMENT));
    assertEquals(0, mix.weight(Action.FEED));
    assertEquals("post=1,vote_post=2,vote_comment=2", mix.toString());
  }

  @Test
  void picksFollowTheWeights() {
    ActionMix mix = ActionMix.parse("--mix", "feed=3,post=1,join=0");
    Map<Action, Integer> counts = new EnumMap<>(Action.class);
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 40_000; i++) {
      counts.merge(mix.pick(r.nextDouble()), 1, Integer::sum);
    }
    assertEquals(2, counts.size(), counts.toString());
    double share = counts.get(Action.FEED) / 40_000.0;
    assertTrue(Math.abs(share - 0.75) < 0.01, "feed share " + share);
  }

  @Test
  void theTextOfAMixParsesBackToTheSameMix() {
    ActionMix mix = ActionMix.defaults();
    assertEquals(mix.weights(), ActionMix.parse("--mix", mix.toString()).weights());
  }

  @Test
  void badMixesAreRefusedWithTheOptionAndTheValue() {
    assertMessage("--mix 'post=1,foo=2' has unknown key 'foo'", "post=1,foo=2");
    assertMessage("weight 'x' of post is not a number", "post=x");
    assertMessage("weight -1 of feed must be a finite number >= 0", "feed=-1");
    assertMessage("--mix 'post=0' has no positive weight", "post=0");
    assertMessage("item 'post' is not KEY=WEIGHT", "post");
    assertMessage("gives post more than once", "post=1,post=2");
  }

  private static void assertMessage(String expected, String spec) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ActionMix.parse("--mix", spec));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith("--mix"), e.getMessage());
  }
}
