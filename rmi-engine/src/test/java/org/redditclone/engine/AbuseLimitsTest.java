package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Caller;
import org.redditclone.api.CommentSort;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Limits;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;
import org.redditclone.api.RateLimitedException;
import org.redditclone.api.SubredditOrder;
import org.redditclone.engine.events.Event;

/** The limits that keep one client from guessing, hoarding or flooding: each one, tried. */
final class AbuseLimitsTest {

  private Fixture f;
  private final List<Event> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    f = new Fixture(Duration.ofMinutes(10));
    f.engine.setEventSink(events::add);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void guessingPasswords_isThrottledPerName_evenWithTheRightPassword_andOtherNamesAreNotAffected() throws Exception {
    f.users.register("alice", "right");
    f.users.register("bob", "right");
    int refusedAsWrong = 0;
    int refusedAsThrottled = 0;
    for (int i = 0; i < 100; i++) {
      try {
        f.users.login(i % 2 == 0 ? "alice" : "ALICE", "guess" + i);
      } catch (NotAuthorizedException e) {
        refusedAsWrong++;
      } catch (RateLimitedException e) {
        refusedAsThrottled++;
      }
    }
    assertEquals(10, refusedAsWrong, "only 10 guesses are even tried in a minute");
    assertEquals(90, refusedAsThrottled);
    assertThrows(RateLimitedException.class, () -> f.users.login("alice", "right"));
    assertEquals("bob", f.users.login("bob", "right").username());
    // unknown names are throttled the same way, so throttling does not tell which names exist
    for (int i = 0; i < 10; i++) {
      assertThrows(NotAuthorizedException.class, () -> f.users.login("nobody", "x"));
    }
    assertThrows(RateLimitedException.class, () -> f.users.login("nobody", "x"));
    f.clock.advance(Duration.ofSeconds(31));
    assertEquals("alice", f.users.login("alice", "right").username());
  }

  @Test
  void sessions_expireAfterTheConfiguredIdleTime() throws Exception {
    String token = f.user("alice");
    f.clock.advance(Duration.ofMinutes(9));
    f.users.whoami(token); // used: the idle clock restarts
    f.clock.advance(Duration.ofMinutes(9));
    f.users.whoami(token);
    f.clock.advance(Duration.ofMinutes(10).plusMillis(1));
    NotAuthorizedException e = assertThrows(NotAuthorizedException.class, () -> f.users.whoami(token));
    assertTrue(e.getMessage().contains("600 s idle"), e.getMessage());
  }

  @Test
  void theIdleTimeout_isAnEngineOption() throws Exception {
    assertEquals(Duration.ofMinutes(45), EngineOptions.parse("--session-idle-timeout", "45m").sessionIdleTimeout());
    assertEquals(Duration.ofHours(24), EngineOptions.parse().sessionIdleTimeout());
    assertThrows(EngineOptions.UsageException.class, () -> EngineOptions.parse("--session-idle-timeout", "0s"));
  }

  @Test
  void tokens_areStoredAndRecordedOnlyAsHashes() throws Exception {
    String token = f.user("alice");
    f.users.logout(f.users.login("alice", Fixture.PASSWORD).token());
    assertFalse(events.isEmpty());
    for (Event e : events) {
      assertFalse(e.toString().contains(token), "an event holds a usable token: " + e);
    }
    long opened = events.stream().filter(e -> e instanceof Event.SessionOpened).count();
    assertEquals(2, opened);
    Event.SessionOpened first = (Event.SessionOpened) events.stream()
        .filter(e -> e instanceof Event.SessionOpened).findFirst().orElseThrow();
    assertEquals(43, first.tokenHash().length(), "base64url SHA-256");
    assertFalse(first.tokenHash().equals(token));
    // and the hash itself is no token: presenting it is refused
    assertThrows(NotAuthorizedException.class, () -> f.users.whoami(first.tokenHash()));
    // passwords are not in the events either, only salted hashes
    for (Event e : events) {
      assertFalse(e.toString().contains(Fixture.PASSWORD), e.toString());
    }
  }

  @Test
  void everySizeAndPageSize_isBounded() throws Exception {
    String token = f.user("alice");
    f.subreddit(token, "java");
    Post post = f.posts.submit(Caller.of(token), "java", "t", "b");
    for (int limit : new int[] {0, -1, Limits.PAGE_MAX + 1, Integer.MAX_VALUE}) {
      assertThrows(InvalidInputException.class, () -> f.posts.listing("java", PostSort.NEW.ordinal(), null, limit));
      assertThrows(InvalidInputException.class, () -> f.feed.feed(token, PostSort.NEW.ordinal(), null, limit));
      assertThrows(InvalidInputException.class, () -> f.subreddits.list(SubredditOrder.NEW, null, limit));
      assertThrows(InvalidInputException.class, () -> f.messages.inbox(token, false, null, limit));
      assertThrows(InvalidInputException.class, () -> f.messages.sent(token, null, limit));
    }
    assertEquals(1, f.posts.listing("java", PostSort.NEW.ordinal(), null, Limits.PAGE_MAX).items().size());
    assertThrows(InvalidInputException.class, () -> f.comments.tree(post.id(), CommentSort.BEST.ordinal(), 10, Limits.TREE_MAX + 1));
    assertThrows(InvalidInputException.class, () -> f.comments.tree(post.id(), CommentSort.BEST.ordinal(), -1, 10));
    String longCursor = "v".repeat(Limits.CURSOR_MAX + 1);
    assertThrows(InvalidInputException.class, () -> f.posts.listing("java", PostSort.NEW.ordinal(), longCursor, 10));
    assertThrows(InvalidInputException.class, () -> f.feed.feed(token, PostSort.NEW.ordinal(), longCursor, 10));
    assertThrows(InvalidInputException.class, () -> f.messages.inbox(token, false, longCursor, 10));
    assertThrows(NotAuthorizedException.class, () -> f.users.whoami("t".repeat(Limits.TOKEN_MAX + 1)));
    assertThrows(InvalidInputException.class, () -> f.users.register("u".repeat(Limits.USERNAME_MAX + 1), "pw"));
    assertThrows(InvalidInputException.class, () -> f.users.register("newuser", "p".repeat(Limits.PASSWORD_MAX + 1)));
    assertThrows(InvalidInputException.class, () -> f.users.login("alice", "p".repeat(Limits.PASSWORD_MAX + 1)));
    assertThrows(InvalidInputException.class, () -> f.subreddits.create(Caller.of(token), "abc", "d".repeat(Limits.DESCRIPTION_MAX + 1)));
    assertThrows(InvalidInputException.class, () -> f.posts.submit(Caller.of(token), "java", "t".repeat(Limits.TITLE_MAX + 1), ""));
    assertThrows(InvalidInputException.class, () -> f.posts.submit(Caller.of(token), "java", "t", "b".repeat(Limits.POST_BODY_MAX + 1)));
    assertThrows(InvalidInputException.class, () -> f.comments.comment(Caller.of(token), post.id(), "c".repeat(Limits.COMMENT_BODY_MAX + 1)));
    f.user("bob");
    assertThrows(InvalidInputException.class, () -> f.messages.send(Caller.of(token), "bob", "s".repeat(Limits.SUBJECT_MAX + 1), "b"));
    assertThrows(InvalidInputException.class, () -> f.messages.send(Caller.of(token), "bob", "s", "b".repeat(Limits.MESSAGE_BODY_MAX + 1)));
    // error messages quote at most 60 characters of a huge value
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> f.posts.submit(Caller.of(token), "java", "t".repeat(1_000_000), ""));
    assertTrue(e.getMessage().length() < 300, e.getMessage().length() + " characters");
  }
}
