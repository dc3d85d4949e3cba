package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.ForbiddenException;
import org.redditclone.api.Message;
import org.redditclone.api.Post;

/** Users may delete, read and mark only what is theirs. */
final class AuthorizationTest {

  private Fixture f;
  private String alice;
  private String bob;
  private String mallory;

  @BeforeEach
  void setUp() throws Exception {
    f = new Fixture();
    alice = f.user("alice");
    bob = f.user("bob");
    mallory = f.user("mallory");
    f.subreddit(alice, "java");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void deletingAnotherUsersPost_isForbidden() throws Exception {
    Post post = f.posts.submit(Caller.of(alice), "java", "mine", "body");
    ForbiddenException e = assertThrows(ForbiddenException.class, () -> f.posts.delete(Caller.of(bob), post.id()));
    assertTrue(e.getMessage().contains("alice") && e.getMessage().contains("bob"), e.getMessage());
    Post now = f.posts.get(post.id());
    assertFalse(now.deleted());
    assertEquals("mine", now.title());
  }

  @Test
  void deletingAnotherUsersComment_isForbidden() throws Exception {
    Post post = f.posts.submit(Caller.of(alice), "java", "mine", "body");
    Comment comment = f.comments.comment(Caller.of(alice), post.id(), "words");
    assertThrows(ForbiddenException.class, () -> f.comments.delete(Caller.of(bob), comment.id()));
    assertEquals("words", f.comments.get(comment.id()).body());
  }

  @Test
  void readingAnotherPairsConversation_isForbidden() throws Exception {
    Message m = f.messages.send(Caller.of(alice), "bob", "secret", "psst");
    ForbiddenException e =
        assertThrows(ForbiddenException.class, () -> f.messages.conversation(mallory, m.id()));
    assertTrue(e.getMessage().contains("mallory"), e.getMessage());
    assertThrows(ForbiddenException.class, () -> f.messages.reply(Caller.of(mallory), m.id(), "hi"));
  }

  @Test
  void markingAnotherUsersMessageRead_isForbidden() throws Exception {
    Message m = f.messages.send(Caller.of(alice), "bob", "secret", "psst");
    assertThrows(ForbiddenException.class, () -> f.messages.markRead(mallory, m.id()));
    // the sender is not its recipient either
    assertThrows(ForbiddenException.class, () -> f.messages.markRead(alice, m.id()));
    assertEquals(1, f.messages.inbox(bob, true, null, 10).items().size());
  }
}
