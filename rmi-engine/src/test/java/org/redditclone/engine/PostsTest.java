package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentSort;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;
import org.redditclone.api.Subreddit;

final class PostsTest {

  private Fixture f;
  private String alice;
  private String bob;

  @BeforeEach
  void setUp() throws Exception {
    f = new Fixture();
    alice = f.user("alice");
    bob = f.user("bob");
    f.subreddit(alice, "java");
    f.subreddit(alice, "kotlin");
    f.subreddit(bob, "scala");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void repost_keepsOriginalIdAndAuthor() throws Exception {
    Post original = f.posts.submit(Caller.of(alice), "java", "Loom is out", "virtual threads");
    Post repost = f.posts.repost(Caller.of(bob), original.id(), "kotlin");
    assertTrue(repost.isRepost());
    assertEquals(original.id(), repost.originalId());
    assertEquals("alice", repost.originalAuthor());
    assertEquals("bob", repost.author());
    assertEquals("kotlin", repost.subreddit());
    assertEquals("Loom is out", repost.title());
    assertEquals("", repost.body());
    assertFalse(original.isRepost());
    assertNull(original.originalAuthor());
  }

  @Test
  void repostOfRepost_pointsAtTheFirstOriginal() throws Exception {
    Post original = f.posts.submit(Caller.of(alice), "java", "Loom", "");
    Post first = f.posts.repost(Caller.of(bob), original.id(), "kotlin");
    Post second = f.posts.repost(Caller.of(bob), first.id(), "scala");
    assertEquals(original.id(), second.originalId());
    assertEquals("alice", second.originalAuthor());
  }

  @Test
  void repostBackIntoTheOriginalsSubreddit_isInvalidInput() throws Exception {
    Post original = f.posts.submit(Caller.of(alice), "java", "Loom", "");
    Post repost = f.posts.repost(Caller.of(bob), original.id(), "kotlin");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> f.posts.repost(Caller.of(bob), repost.id(), "JAVA"));
    assertEquals("subreddit", e.field());
    assertTrue(e.getMessage().contains("'JAVA'"), e.getMessage());
    assertEquals(2, f.stats.stats().posts());
  }

  @Test
  void repostOfDeletedPost_isInvalidInput() throws Exception {
    Post original = f.posts.submit(Caller.of(alice), "java", "Loom", "");
    f.posts.delete(Caller.of(alice), original.id());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> f.posts.repost(Caller.of(bob), original.id(), "kotlin"));
    assertEquals("postId", e.field());
  }

  @Test
  void deletedPost_showsDeleted_andItsThreadStays() throws Exception {
    Post post = f.posts.submit(Caller.of(alice), "java", "Title", "Body");
    Comment c = f.comments.comment(Caller.of(bob), post.id(), "nice");
    f.comments.reply(Caller.of(alice), c.id(), "thanks");
    f.posts.delete(Caller.of(alice), post.id());
    f.posts.delete(Caller.of(alice), post.id()); // twice changes nothing

    Post now = f.posts.get(post.id());
    assertTrue(now.deleted());
    assertEquals("[deleted]", now.title());
    assertEquals("", now.body());
    assertEquals("alice", now.author());
    assertEquals(2, now.commentCount());
    assertEquals(2, f.comments.tree(post.id(), CommentSort.NEW.ordinal(), 10, 10).size());
    assertEquals(List.of(now), f.posts.listing("java", PostSort.NEW.ordinal(), null, 10).items());
    // comments on a deleted post's thread still work
    f.comments.comment(Caller.of(bob), post.id(), "still here");
    assertEquals(3, f.posts.get(post.id()).commentCount());
  }

  @Test
  void subredditCreatorJoins_leaveIsIdempotent_joinedListsByName() throws Exception {
    assertEquals(1, f.subreddits.get("JAVA").members());
    Subreddit joined = f.subreddits.join(Caller.of(bob), "java");
    assertEquals(2, joined.members());
    assertEquals(2, f.subreddits.join(Caller.of(bob), "java").members());
    assertEquals(List.of("java", "scala"),
        f.subreddits.joined(bob).stream().map(Subreddit::name).toList());
    assertEquals(1, f.subreddits.leave(Caller.of(bob), "java").members());
    assertEquals(1, f.subreddits.leave(Caller.of(bob), "java").members());
    assertEquals(3, f.stats.stats().memberships());
  }

  @Test
  void feed_showsOnlyJoinedSubreddits() throws Exception {
    Post inJava = f.posts.submit(Caller.of(alice), "java", "j", "");
    f.posts.submit(Caller.of(alice), "kotlin", "k", "");
    Post inScala = f.posts.submit(Caller.of(bob), "scala", "s", "");
    f.subreddits.join(Caller.of(bob), "java");
    List<Post> feed = f.feed.feed(bob, PostSort.NEW.ordinal(), null, 10).items();
    assertEquals(List.of(inScala.id(), inJava.id()), feed.stream().map(Post::id).toList());
  }
}
