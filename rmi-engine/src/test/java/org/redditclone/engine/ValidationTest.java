package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redditclone.api.AlreadyExistsException;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentSort;
import org.redditclone.api.EngineStats;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Message;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.NotFoundException;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;
import org.redditclone.api.SubredditOrder;
import org.redditclone.api.VoteDirection;

/** Every bad input is refused with the right error, naming field and value, and changes nothing. */
final class ValidationTest {

  private Fixture f;
  private String alice;
  private Post post;
  private Comment comment;
  private Message message;
  private List<Long> before;

  @BeforeEach
  void setUp() throws Exception {
    f = new Fixture();
    alice = f.user("alice");
    f.user("bob");
    f.subreddit(alice, "java");
    post = f.posts.submit(Caller.of(alice), "java", "title", "body");
    comment = f.comments.comment(Caller.of(alice), post.id(), "first");
    message = f.messages.send(Caller.of(alice), "bob", "hi", "hello");
    before = counts();
  }

  @AfterEach
  void tearDown() throws Exception {
    assertEquals(before, counts(), "state changed");
    f.close();
  }

  private List<Long> counts() throws Exception {
    EngineStats s = f.stats.stats();
    return List.of(s.users(), s.subreddits(), s.posts(), s.comments(), s.votes(), s.messages(),
        s.memberships(), s.onlineUsers());
  }

  private static void assertInvalid(String field, String value, Executable call) {
    InvalidInputException e = assertThrows(InvalidInputException.class, call);
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
    if (value != null) {
      assertTrue(e.getMessage().contains(value), e.getMessage() + " should name " + value);
    }
  }

  private static String repeat(int n) {
    return "x".repeat(n);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "abcdefghijklmnopqrstu", "bad name", "bad!", "ünïcode"})
  void badUsername_isInvalidInput(String name) {
    assertInvalid("username", "'" + name + "'", () -> f.users.register(name, "pw"));
  }

  @Test
  void nullUsernameOrPassword_isInvalidInput() {
    assertInvalid("username", "null", () -> f.users.register(null, "pw"));
    assertInvalid("password", "null", () -> f.users.register("carol", null));
    assertInvalid("password", "''", () -> f.users.register("carol", ""));
    assertInvalid("password", "129", () -> f.users.register("carol", repeat(129)));
  }

  @Test
  void usernameTakenInAnyCase_isAlreadyExists() {
    AlreadyExistsException e =
        assertThrows(AlreadyExistsException.class, () -> f.users.register("ALICE", "pw"));
    assertTrue(e.getMessage().contains("'ALICE'"), e.getMessage());
  }

  @Test
  void boundaryUsernames_areAccepted() throws Exception {
    f.users.register("abc", "pw");
    f.users.register("A-b_" + repeat(16), "pw");
    before = counts();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "abcdefghijklmnopqrstuv", "has-dash", "has space"})
  void badSubredditName_isInvalidInput(String name) {
    assertInvalid("subreddit", "'" + name + "'", () -> f.subreddits.create(Caller.of(alice), name, ""));
  }

  @Test
  void subredditTakenInAnyCase_isAlreadyExists() {
    assertThrows(AlreadyExistsException.class, () -> f.subreddits.create(Caller.of(alice), "JAVA", ""));
  }

  @Test
  void longDescription_isInvalidInput() {
    assertInvalid("description", "501", () -> f.subreddits.create(Caller.of(alice), "kotlin", repeat(501)));
    assertInvalid("description", null, () -> f.subreddits.create(Caller.of(alice), "kotlin", null));
  }

  @Test
  void unknownSubreddit_isNotFound() {
    NotFoundException e = assertThrows(NotFoundException.class, () -> f.subreddits.get("nope"));
    assertTrue(e.getMessage().contains("'nope'"));
    assertThrows(NotFoundException.class, () -> f.subreddits.join(Caller.of(alice), "nope"));
    assertThrows(NotFoundException.class, () -> f.posts.submit(Caller.of(alice), "nope", "t", ""));
  }

  @Test
  void titleAndBodySizes_areChecked() {
    assertInvalid("title", "''", () -> f.posts.submit(Caller.of(alice), "java", "", "body"));
    assertInvalid("title", "301", () -> f.posts.submit(Caller.of(alice), "java", repeat(301), "body"));
    assertInvalid("title", "null", () -> f.posts.submit(Caller.of(alice), "java", null, "body"));
    assertInvalid("body", "40001", () -> f.posts.submit(Caller.of(alice), "java", "t", repeat(40_001)));
  }

  @Test
  void commentBodySizes_areChecked() {
    assertInvalid("body", "''", () -> f.comments.comment(Caller.of(alice), post.id(), ""));
    assertInvalid("body", "10001", () -> f.comments.comment(Caller.of(alice), post.id(), repeat(10_001)));
    assertInvalid("body", "''", () -> f.comments.reply(Caller.of(alice), comment.id(), ""));
  }

  @Test
  void messageSizes_areChecked() {
    assertInvalid("subject", "''", () -> f.messages.send(Caller.of(alice), "bob", "", "body"));
    assertInvalid("subject", "101", () -> f.messages.send(Caller.of(alice), "bob", repeat(101), "body"));
    assertInvalid("body", "''", () -> f.messages.send(Caller.of(alice), "bob", "s", ""));
    assertInvalid("body", "10001", () -> f.messages.send(Caller.of(alice), "bob", "s", repeat(10_001)));
    assertInvalid("body", "''", () -> f.messages.reply(Caller.of(alice), message.id(), ""));
  }

  @Test
  void messageToUnknownUser_isNotFound_andToSelfInvalid() {
    assertThrows(NotFoundException.class, () -> f.messages.send(Caller.of(alice), "nobody", "s", "b"));
    assertInvalid("to", "'alice'", () -> f.messages.send(Caller.of(alice), "alice", "s", "b"));
    assertInvalid("to", "null", () -> f.messages.send(Caller.of(alice), null, "s", "b"));
    assertInvalid("to", "21", () -> f.messages.send(Caller.of(alice), repeat(21), "s", "b"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 101, -1})
  void pageLimitOutOfRange_isInvalidInput(int limit) throws Exception {
    String bob = f.users.login("bob", Fixture.PASSWORD).token();
    before = counts();
    String value = String.valueOf(limit);
    assertInvalid("limit", value, () -> f.posts.listing("java", PostSort.HOT.ordinal(), null, limit));
    assertInvalid("limit", value, () -> f.feed.feed(alice, PostSort.NEW.ordinal(), null, limit));
    assertInvalid("limit", value, () -> f.messages.inbox(bob, false, null, limit));
    assertInvalid("limit", value, () -> f.messages.sent(alice, null, limit));
    assertInvalid("limit", value, () -> f.subreddits.list(SubredditOrder.NEW, null, limit));
    int treeLimit = limit == 101 ? 1001 : limit; // a tree may be longer than a page
    assertInvalid("limit", String.valueOf(treeLimit), () -> f.comments.tree(post.id(), CommentSort.BEST.ordinal(), 5, treeLimit));
  }

  @Test
  void badCursor_isInvalidInputNamingCursor() throws Exception {
    String bad = "not-a-cursor";
    assertInvalid("cursor", bad, () -> f.posts.listing("java", PostSort.HOT.ordinal(), bad, 10));
    assertInvalid("cursor", bad, () -> f.feed.feed(alice, PostSort.HOT.ordinal(), bad, 10));
    assertInvalid("cursor", bad, () -> f.messages.inbox(alice, true, bad, 10));
    assertInvalid("cursor", bad, () -> f.subreddits.list(SubredditOrder.MEMBERS, bad, 10));
  }

  @Test
  void cursorOfAnotherSort_isInvalidInput() throws Exception {
    for (int i = 0; i < 3; i++) {
      f.posts.submit(Caller.of(alice), "java", "more " + i, "");
    }
    before = counts();
    String hot = f.posts.listing("java", PostSort.HOT.ordinal(), null, 1).nextCursor();
    assertInvalid("cursor", null, () -> f.posts.listing("java", PostSort.NEW.ordinal(), hot, 1));
  }

  @Test
  void nullOrder_isInvalidInput() {
    assertInvalid("order", "null", () -> f.subreddits.list(null, null, 10));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 4, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void unknownSortCodes_areInvalidInputNamingSort(int code) {
    String v = String.valueOf(code);
    assertInvalid("sort", v, () -> f.posts.listing("java", code, null, 10));
    assertInvalid("sort", v, () -> f.feed.feed(alice, code, null, 10));
    assertInvalid("sort", v, () -> f.comments.tree(post.id(), code, 5, 10));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, -2, 3, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void unknownVoteDirections_areInvalidInputNamingDirection(int value) {
    String v = String.valueOf(value);
    assertInvalid("direction", v, () -> f.posts.vote(Caller.of(alice), post.id(), value));
    assertInvalid("direction", v, () -> f.comments.vote(Caller.of(alice), comment.id(), value));
  }

  @Test
  void treeDepthAndLimit_areChecked() {
    assertInvalid("maxDepth", "-1", () -> f.comments.tree(post.id(), CommentSort.TOP.ordinal(), -1, 10));
    assertInvalid("limit", "1001", () -> f.comments.tree(post.id(), CommentSort.TOP.ordinal(), 1, 1001));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1})
  void nonPositiveIds_areInvalidInput(long id) {
    String v = String.valueOf(id);
    assertInvalid("postId", v, () -> f.posts.get(id));
    assertInvalid("postId", v, () -> f.posts.vote(Caller.of(alice), id, VoteDirection.UP.value()));
    assertInvalid("postId", v, () -> f.posts.delete(Caller.of(alice), id));
    assertInvalid("postId", v, () -> f.posts.repost(Caller.of(alice), id, "java"));
    assertInvalid("postId", v, () -> f.comments.comment(Caller.of(alice), id, "x"));
    assertInvalid("postId", v, () -> f.comments.tree(id, CommentSort.NEW.ordinal(), 1, 1));
    assertInvalid("commentId", v, () -> f.comments.get(id));
    assertInvalid("commentId", v, () -> f.comments.reply(Caller.of(alice), id, "x"));
    assertInvalid("commentId", v, () -> f.comments.vote(Caller.of(alice), id, VoteDirection.UP.value()));
    assertInvalid("messageId", v, () -> f.messages.markRead(alice, id));
    assertInvalid("messageId", v, () -> f.messages.conversation(alice, id));
  }

  @Test
  void unknownIds_areNotFound() {
    long id = 999_999;
    assertThrows(NotFoundException.class, () -> f.posts.get(id));
    assertThrows(NotFoundException.class, () -> f.posts.vote(Caller.of(alice), id, VoteDirection.UP.value()));
    assertThrows(NotFoundException.class, () -> f.comments.get(id));
    assertThrows(NotFoundException.class, () -> f.comments.vote(Caller.of(alice), id, VoteDirection.DOWN.value()));
    assertThrows(NotFoundException.class, () -> f.comments.reply(Caller.of(alice), id, "x"));
    assertThrows(NotFoundException.class, () -> f.messages.reply(Caller.of(alice), id, "x"));
    NotFoundException e = assertThrows(NotFoundException.class, () -> f.posts.get(id));
    assertEquals("no post 999999 exists", e.getMessage());
  }

  @Test
  void repostIntoItsOwnSubreddit_isInvalidInput() {
    assertInvalid("subreddit", "'Java'", () -> f.posts.repost(Caller.of(alice), post.id(), "Java"));
  }

  @Test
  void missingOrUnknownToken_isNotAuthorized() {
    for (String token : new String[] {null, "", "garbage", repeat(500)}) {
      assertThrows(NotAuthorizedException.class, () -> f.posts.submit(Caller.of(token), "java", "t", ""));
      assertThrows(NotAuthorizedException.class, () -> f.users.whoami(token));
      assertThrows(NotAuthorizedException.class, () -> f.feed.feed(token, PostSort.HOT.ordinal(), null, 10));
      assertThrows(NotAuthorizedException.class, () -> f.messages.inbox(token, false, null, 10));
      assertThrows(NotAuthorizedException.class, () -> f.subreddits.joined(token));
      assertThrows(NotAuthorizedException.class, () -> f.comments.vote(Caller.of(token), comment.id(), VoteDirection.UP.value()));
    }
  }

  @Test
  void loggedOutToken_isNotAuthorized() throws Exception {
    String token = f.users.login("alice", Fixture.PASSWORD).token();
    f.users.logout(token);
    before = counts();
    NotAuthorizedException e =
        assertThrows(NotAuthorizedException.class, () -> f.posts.submit(Caller.of(token), "java", "t", ""));
    assertTrue(e.getMessage().startsWith("token "), e.getMessage());
    assertThrows(NotAuthorizedException.class, () -> f.users.logout(token));
    // the other session of the same user is unaffected
    assertEquals("alice", f.users.whoami(alice).username());
  }

  @Test
  void wrongPassword_isNotAuthorized() {
    NotAuthorizedException e =
        assertThrows(NotAuthorizedException.class, () -> f.users.login("alice", "wrong"));
    assertTrue(e.getMessage().contains("'alice'"), e.getMessage());
    assertThrows(NotAuthorizedException.class, () -> f.users.login("nobody", "pw"));
  }
}
