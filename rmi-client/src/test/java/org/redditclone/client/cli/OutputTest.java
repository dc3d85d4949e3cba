package org.redditclone.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redditclone.api.Comment;
import org.redditclone.api.EngineStats;
import org.redditclone.api.Message;
import org.redditclone.api.Post;
import org.redditclone.api.Subreddit;
import org.redditclone.api.UserProfile;

final class OutputTest {

  @Test
  void plainValuesAreWrittenBare() {
    assertEquals("gleam", Output.quote("gleam"));
    assertEquals("p42", Output.quote("p42"));
    assertEquals("\u00e9t\u00e9", Output.quote("\u00e9t\u00e9"));
  }

  @Test
  void valuesWithSpacesQuotesOrEqualsAreDoubleQuotedWithEscapes() {
    assertEquals("\"Hello world\"", Output.quote("Hello world"));
    assertEquals("\"say \\\"hi\\\"\"", Output.quote("say \"hi\""));
    assertEquals("\"a=b\"", Output.quote("a=b"));
    assertEquals("\"it's\"", Output.quote("it's"));
    assertEquals("\"C:\\\\dir\"", Output.quote("C:\\dir"));
  }

  @Test
  void emptyValueIsTwoQuotes() {
    assertEquals("\"\"", Output.quote(""));
  }

  @Test
  void nonPrintableCharactersAreEscaped() {
    assertEquals("\"a\\nb\\tc\\rd\"", Output.quote("a\nb\tc\rd"));
    assertEquals("\"bell\\u0007\"", Output.quote("bell\u0007"));
    assertEquals("\"zero\\u200bwidth\"", Output.quote("zero\u200bwidth"));
    assertEquals("\"lone\\ud800\"", Output.quote("lone\ud800"));
  }

  @Test
  void emojiPairsArePrintedAsTheyAre() {
    assertEquals("smile\ud83d\ude00", Output.quote("smile\ud83d\ude00"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "two words", "", "quote \" and \\ and '", "line\nbreak\ttab",
      "\u0000\u0007\u2028", "a=b c=\"d\"", "\ud83d\ude00 \ud800"})
  void everyQuotedValueReadsBackThroughTheTokenizer(String value) throws UsageException {
    assertEquals(List.of("key=" + value), Tokenizer.split(Line.of().add("key", value).toString()));
  }

  @Test
  void postLineCarriesRepostAndDeletedMarksAndOptionalBody() {
    Post post = new Post(8, "gleam", "bob", "Hi there", "", 0, 3, 1, 2, 7, "alice", true);
    assertEquals("id=p8 sub=gleam author=bob title=\"Hi there\" score=2 comments=2"
        + " original=p7 original_author=alice deleted=true", Output.post(post, false));
    assertEquals("id=p8 sub=gleam author=bob score=2 comments=2 title=\"Hi there\""
        + " original=p7 original_author=alice deleted=true", Output.listed(post));
    Post plain = new Post(1, "gleam", "alice", "Hello", "body text", 0, 0, 0, 0, 0, null, false);
    assertEquals("id=p1 sub=gleam author=alice title=Hello score=0 comments=0 body=\"body text\"",
        Output.post(plain, true));
  }

  @Test
  void commentParentIsThePostForTopLevelCommentsAndTheCommentForReplies() {
    Comment top = new Comment(3, 1, 0, 0, "alice", "first!", 0, 2, 0, false);
    Comment reply = new Comment(4, 1, 3, 1, "bob", "", 0, 0, 1, true);
    assertEquals("id=c3 post=p1 parent=p1 depth=0 author=alice", Output.commented(top));
    assertEquals("id=c4 post=p1 parent=c3 depth=1 author=bob", Output.commented(reply));
    assertEquals("id=c4 parent=c3 depth=1 author=bob score=-1 body=\"\" deleted=true",
        Output.treeComment(reply));
  }

  @Test
  void userSubredditAndMessageLinesFollowTheGrammar() {
    assertEquals("user=alice post=3 comment=-1 created=1970-01-01T00:00:01Z online=true",
        Output.user(new UserProfile("alice", 3, -1, 1000, true)));
    assertEquals("name=gleam members=2 creator=alice description=\"All things shiny\"",
        Output.subreddit(new Subreddit("gleam", "All things shiny", "alice", 0, 2)));
    Message m = new Message(4, 1, 1, "alice", "bob", "Re: hi", "ok", 0, false);
    assertEquals("id=m4 conversation=m1 to=bob subject=\"Re: hi\"", Output.sent(m));
    assertEquals("id=m4 conversation=m1 from=alice to=bob read=false subject=\"Re: hi\" body=ok",
        Output.message(m));
  }

  @Test
  void statsPrintCountersThenOperationsByName() {
    EngineStats stats = new EngineStats(5, 2, 1, 9, 4, 7, 3, 6, 61_500,
        Map.of("vote", 7L, "login", 5L), 3, 40, 2_000_000_000L);
    assertEquals("users=5 online=2 subreddits=1 posts=9 comments=4 votes=7 messages=3"
        + " memberships=6 uptime_s=61", Output.stats(stats));
    assertEquals(List.of("op=login calls=5", "op=vote calls=7"),
        Output.operations(stats.callsByOperation()));
  }
}
