package org.redditclone.client.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redditclone.api.PostSort;

/** Argument checks of every command, which run before the engine is contacted. */
final class CommandArgumentsTest {

  private final CommandTable table = CommandTable.standard();

  private UsageException refused(String line) throws UsageException {
    List<String> words = Tokenizer.split(line);
    return assertThrows(UsageException.class, () -> table.parse(words), line);
  }

  private void accepted(String line) throws UsageException {
    List<String> words = Tokenizer.split(line);
    assertDoesNotThrow(() -> table.parse(words), line);
  }

  @Test
  void everyCommandOfTheBriefExists() {
    List<String> names = table.all().stream().map(Command::name).toList();
    assertTrue(names.containsAll(List.of("register", "login", "logout", "whoami", "online",
        "offline", "create-sub", "join", "leave", "subs", "my-subs", "post", "repost", "show",
        "listing", "feed", "comment", "reply", "vote", "delete", "karma", "dm", "inbox", "sent",
        "reply-dm", "conversation", "stats", "help")), names.toString());
  }

  @Test
  void unknownCommandIsAUsageErrorThatPointsToHelp() throws UsageException {
    assertEquals("unknown command 'frobnicate'; run 'help' for the list of commands",
        refused("frobnicate now").getMessage());
  }

  @Test
  void wrongArgumentCountNamesTheCommandAndTheCounts() throws UsageException {
    assertEquals("post takes 3 arguments; got 2", refused("post gleam title").getMessage());
    assertEquals("whoami takes 0 arguments; got 1", refused("whoami alice").getMessage());
    assertEquals("karma takes 1 argument; got 0", refused("karma").getMessage());
  }

  @Test
  void tooManyArgumentsSuggestsQuoting() throws UsageException {
    String message = refused("post gleam My title is long and the body too").getMessage();
    assertTrue(message.contains("quote an argument that contains spaces"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"listing gleam sideways", "feed HOT", "show p1 hot", "subs old",
      "vote p1 sideways"})
  void unknownWordIsAUsageErrorNamingTheValueAndTheAllowedWords(String line)
      throws UsageException {
    String message = refused(line).getMessage();
    String value = line.substring(line.lastIndexOf(' ') + 1);
    assertTrue(message.contains("'" + value + "' is not one of "), message);
  }

  @Test
  void badSortWordListsEveryAllowedWord() throws UsageException {
    assertEquals("SORT 'sideways' is not one of hot|new|top|controversial",
        refused("listing gleam sideways").getMessage());
    assertEquals("SORT 'hot' is not one of best|top|new|controversial",
        refused("show p1 hot").getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-5", "99999999999"})
  void limitOutsideOneToHundredIsRefused(String limit) throws UsageException {
    String message = refused("listing gleam new " + limit).getMessage();
    assertEquals("LIMIT '" + limit + "' is out of range; it must be a number 1..100", message);
  }

  @Test
  void optionalSortLimitAndCursorComeInAnyOrder() throws UsageException {
    accepted("listing gleam");
    accepted("listing gleam top");
    accepted("listing gleam 10");
    accepted("listing gleam 10 top next=abc");
    accepted("feed");
    accepted("feed new 100");
    accepted("inbox unread 5");
    accepted("sent next=xyz");
    Args.Paging<PostSort> paging = new Args("feed", List.of("next=a=b", "7", "new"))
        .paging(0, PostSort.class, PostSort.HOT);
    assertEquals(new Args.Paging<>(PostSort.NEW, 7, "a=b"), paging);
    assertEquals(new Args.Paging<>(PostSort.HOT, Args.DEFAULT_LIMIT, null),
        new Args("feed", List.of()).paging(0, PostSort.class, PostSort.HOT));
  }

  @Test
  void argumentGivenTwiceIsRefused() throws UsageException {
    assertEquals("SORT is given twice: HOT and NEW", refused("feed hot new").getMessage());
  }

  @Test
  void listsWithoutAnOrderRefuseAWord() throws UsageException {
    assertTrue(refused("sent newest").getMessage().contains("neither a LIMIT"));
    assertTrue(refused("inbox 5 unread").getMessage().contains("neither a LIMIT"));
  }

  @Test
  void voteAndDeleteNeedAPrefixedId() throws UsageException {
    assertTrue(refused("vote 42 up").getMessage().contains("write p42 for a post or c42"));
    assertTrue(refused("delete 42").getMessage().contains("write p42 for a post or c42"));
    accepted("vote c42 none");
    accepted("delete p42");
  }

  @Test
  void singleKindArgumentsTakeBareNumbersButRefuseOtherKinds() throws UsageException {
    accepted("show 42");
    accepted("reply 17 \"me too\"");
    accepted("reply-dm m4 thanks");
    assertEquals("COMMENT_ID 'p17' is a post id; expected a comment id such as c17 or the bare number",
        refused("reply p17 hi").getMessage());
    assertTrue(refused("repost c1 gleam").getMessage().startsWith("POST_ID 'c1'"));
  }
}
