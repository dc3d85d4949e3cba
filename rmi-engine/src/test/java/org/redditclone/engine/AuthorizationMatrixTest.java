package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentSort;
import org.redditclone.api.EngineStats;
import org.redditclone.api.ForbiddenException;
import org.redditclone.api.Message;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;
import org.redditclone.api.VoteDirection;

/**
 * Every operation that acts as a user, tried with no token, forged tokens, a logged-out token, an
 * expired token and as the wrong user: each is refused and the engine's state is unchanged.
 */
final class AuthorizationMatrixTest {

  /** An operation that acts as the holder of a token. */
  @FunctionalInterface
  interface AsUser {
    void call(String token) throws Exception;
  }

  private Fixture f;
  private String alice;
  private String bob;
  private Post post;
  private Comment comment;
  private Message message;

  @BeforeEach
  void setUp() throws Exception {
    f = new Fixture(Duration.ofMinutes(30));
    alice = f.user("alice");
    bob = f.user("bob");
    f.subreddit(alice, "java");
    f.subreddit(alice, "rust");
    post = f.posts.submit(Caller.of(alice), "java", "hello", "body");
    comment = f.comments.comment(Caller.of(alice), post.id(), "first");
    f.comments.reply(Caller.of(bob), comment.id(), "second");
    f.posts.vote(Caller.of(bob), post.id(), VoteDirection.UP.value());
    message = f.messages.send(Caller.of(alice), "bob", "secret", "psst");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  /** Every operation of the contract that takes a token, with valid other arguments. */
  private Map<String, AsUser> operations() {
    Map<String, AsUser> ops = new LinkedHashMap<>();
    ops.put("users.logout", t -> f.users.logout(t));
    ops.put("users.whoami", t -> f.users.whoami(t));
    ops.put("users.goOnline", t -> f.users.goOnline(t));
    ops.put("users.goOffline", t -> f.users.goOffline(t));
    ops.put("subreddits.create", t -> f.subreddits.create(Caller.of(t), "newsub", "d"));
    ops.put("subreddits.join", t -> f.subreddits.join(Caller.of(t), "rust"));
    ops.put("subreddits.leave", t -> f.subreddits.leave(Caller.of(t), "java"));
    ops.put("subreddits.joined", t -> f.subreddits.joined(t));
    ops.put("posts.submit", t -> f.posts.submit(Caller.of(t), "java", "t", "b"));
    ops.put("posts.repost", t -> f.posts.repost(Caller.of(t), post.id(), "rust"));
    ops.put("posts.vote", t -> f.posts.vote(Caller.of(t), post.id(), VoteDirection.DOWN.value()));
    ops.put("posts.delete", t -> f.posts.delete(Caller.of(t), post.id()));
    ops.put("comments.comment", t -> f.comments.comment(Caller.of(t), post.id(), "c"));
    ops.put("comments.reply", t -> f.comments.reply(Caller.of(t), comment.id(), "r"));
    ops.put("comments.vote", t -> f.comments.vote(Caller.of(t), comment.id(), VoteDirection.DOWN.value()));
    ops.put("comments.delete", t -> f.comments.delete(Caller.of(t), comment.id()));
    ops.put("feed.feed", t -> f.feed.feed(t, PostSort.NEW.ordinal(), null, 10));
    ops.put("messages.send", t -> f.messages.send(Caller.of(t), "bob", "s", "b"));
    ops.put("messages.reply", t -> f.messages.reply(Caller.of(t), message.id(), "b"));
    ops.put("messages.inbox", t -> f.messages.inbox(t, false, null, 10));
    ops.put("messages.sent", t -> f.messages.sent(t, null, 10));
    ops.put("messages.markRead", t -> f.messages.markRead(t, message.id()));
    ops.put("messages.conversation", t -> f.messages.conversation(t, message.id()));
    return ops;
  }

  /** Everything a refused call could have changed, as values that compare equal when nothing did. */
  private List<Object> state() throws Exception {
    EngineStats s = f.engine.stats();
    List<Object> state = new ArrayList<>(List.of(s.users(), s.onlineUsers(), s.subreddits(), s.posts(),
        s.comments(), s.votes(), s.messages(), s.memberships()));
    state.add(f.users.profile("alice"));
    state.add(f.users.profile("bob"));
    state.add(f.stats.writeCounts("alice", null, 10).items());
    state.add(f.stats.writeCounts("bob", null, 10).items());
    state.add(f.posts.get(post.id()));
    state.add(f.comments.tree(post.id(), CommentSort.NEW.ordinal(), 10, 100));
    state.add(f.posts.listing("java", PostSort.NEW.ordinal(), null, 100).items());
    state.add(f.posts.listing("rust", PostSort.NEW.ordinal(), null, 100).items());
    state.add(f.subreddits.get("java"));
    state.add(f.subreddits.get("rust"));
    state.add(f.engine.usersForTest().sessionCount());
    return state;
  }

  private List<Object> mailState() throws Exception {
    // read with fresh logins, so the tokens under test are not the ones reading
    String a = f.users.login("alice", Fixture.PASSWORD).token();
    String b = f.users.login("bob", Fixture.PASSWORD).token();
    List<Object> mail = List.of(f.messages.inbox(b, false, null, 100).items(),
        f.messages.sent(a, null, 100).items(), f.messages.conversation(a, message.id()));
    f.users.logout(a);
    f.users.logout(b);
    return mail;
  }

  @Test
  void everyOperation_withNoForgedLoggedOutOrExpiredToken_isNotAuthorized_andChangesNothing() throws Exception {
    String loggedOut = f.users.login("alice", Fixture.PASSWORD).token();
    f.users.logout(loggedOut);
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    Map<String, String> badTokens = new LinkedHashMap<>();
    badTokens.put("no token", null);
    badTokens.put("empty token", "");
    badTokens.put("forged token of the right shape", Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    badTokens.put("a session token with one character changed", flip(alice));
    badTokens.put("the user's name as token", "alice");
    badTokens.put("a 10,000-character token", "A".repeat(10_000));
    badTokens.put("a logged-out token", loggedOut);
    int tried = 0;
    List<Object> before = state();
    List<Object> mailBefore = mailState();
    for (Map.Entry<String, String> bad : badTokens.entrySet()) {
      for (Map.Entry<String, AsUser> op : operations().entrySet()) {
        NotAuthorizedException e = assertThrows(NotAuthorizedException.class, () -> op.getValue().call(bad.getValue()),
            op.getKey() + " with " + bad.getKey());
        assertTrue(e.getMessage().startsWith("token "), e.getMessage());
        assertFalse(bad.getValue() != null && bad.getValue().length() > 8 && e.getMessage().contains(bad.getValue()),
            "the refusal must not echo a token: " + e.getMessage());
        tried++;
      }
    }
    assertEquals(before, state());
    assertEquals(mailBefore, mailState());

    // an idle-expired session is refused the same way, and is not revived by the attempt
    String idle = f.users.login("bob", Fixture.PASSWORD).token();
    f.clock.advance(Duration.ofMinutes(31));
    alice = f.users.login("alice", Fixture.PASSWORD).token();
    before = state();
    for (Map.Entry<String, AsUser> op : operations().entrySet()) {
      assertThrows(NotAuthorizedException.class, () -> op.getValue().call(idle), op.getKey() + " with an expired token");
      tried++;
    }
    assertEquals(before, state());
    assertEquals(operations().size() * (badTokens.size() + 1), tried);
  }

  @Test
  void actingOnAnotherUsersThings_isForbidden_andChangesNothing() throws Exception {
    String mallory = f.user("mallory");
    List<Object> before = state();
    List<Object> mailBefore = mailState();
    Map<String, AsUser> wrongUser = new LinkedHashMap<>();
    wrongUser.put("delete another's post", t -> f.posts.delete(Caller.of(t), post.id()));
    wrongUser.put("delete another's comment", t -> f.comments.delete(Caller.of(t), comment.id()));
    wrongUser.put("read another pair's conversation", t -> f.messages.conversation(t, message.id()));
    wrongUser.put("reply into another pair's conversation", t -> f.messages.reply(Caller.of(t), message.id(), "hi"));
    wrongUser.put("mark another's message read", t -> f.messages.markRead(t, message.id()));
    for (Map.Entry<String, AsUser> op : wrongUser.entrySet()) {
      assertThrows(ForbiddenException.class, () -> op.getValue().call(mallory), op.getKey());
    }
    // the sender is no recipient: she may not mark her own sent message read either
    assertThrows(ForbiddenException.class, () -> f.messages.markRead(alice, message.id()));
    // nobody else's mail shows in one's own inbox or sent list
    assertTrue(f.messages.inbox(mallory, false, null, 100).items().isEmpty());
    assertTrue(f.messages.sent(mallory, null, 100).items().isEmpty());
    assertEquals(before.subList(0, before.size() - 1), state().subList(0, before.size() - 1)); // sessions: +1 mallory
    assertEquals(mailBefore, mailState());
  }

  @Test
  void votingTwice_orFromTwoSessions_countsOnce() throws Exception {
    String bob2 = f.users.login("bob", Fixture.PASSWORD).token();
    long karma = f.users.profile("alice").postKarma();
    long votes = f.engine.stats().votes();
    f.posts.vote(Caller.of(bob), post.id(), VoteDirection.UP.value()); // bob's vote was already UP
    f.posts.vote(Caller.of(bob2), post.id(), VoteDirection.UP.value());
    assertEquals(1, f.posts.get(post.id()).ups());
    assertEquals(karma, f.users.profile("alice").postKarma());
    assertEquals(votes, f.engine.stats().votes());
    f.comments.vote(Caller.of(bob), comment.id(), VoteDirection.UP.value());
    f.comments.vote(Caller.of(bob2), comment.id(), VoteDirection.UP.value());
    assertEquals(1, f.comments.get(comment.id()).ups());
    assertEquals(1, f.users.profile("alice").commentKarma());
    // one's own vote on one's own item gives no karma, however often
    f.posts.vote(Caller.of(alice), post.id(), VoteDirection.UP.value());
    f.posts.vote(Caller.of(alice), post.id(), VoteDirection.UP.value());
    assertEquals(karma, f.users.profile("alice").postKarma());
    assertEquals(2, f.posts.get(post.id()).ups());
  }

  private static String flip(String token) {
    char c = token.charAt(token.length() / 2);
    char other = c == 'A' ? 'B' : 'A';
    return token.substring(0, token.length() / 2) + other + token.substring(token.length() / 2 + 1);
  }

}
