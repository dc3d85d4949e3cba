package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentSort;
import org.redditclone.api.Post;
import org.redditclone.api.VoteDirection;

final class CommentTreeTest {

  private Fixture f;
  private String alice;
  private Post post;

  @BeforeEach
  void setUp() throws Exception {
    f = new Fixture();
    alice = f.user("alice");
    f.subreddit(alice, "deep");
    post = f.posts.submit(Caller.of(alice), "deep", "How deep?", "");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void chainOf150Levels_comesBackWholeInDepthOrder() throws Exception {
    List<Long> ids = new ArrayList<>();
    Comment c = f.comments.comment(Caller.of(alice), post.id(), "level 0");
    ids.add(c.id());
    for (int depth = 1; depth < 150; depth++) {
      c = f.comments.reply(Caller.of(alice), c.id(), "level " + depth);
      assertEquals(depth, c.depth());
      ids.add(c.id());
    }
    List<Comment> tree = f.comments.tree(post.id(), CommentSort.BEST.ordinal(), Integer.MAX_VALUE, 1000);
    assertEquals(150, tree.size());
    for (int i = 0; i < 150; i++) {
      assertEquals(ids.get(i), tree.get(i).id());
      assertEquals(i, tree.get(i).depth());
      assertEquals(i == 0 ? 0 : ids.get(i - 1), tree.get(i).parentId());
    }
    assertEquals(150, f.posts.get(post.id()).commentCount());
  }

  @Test
  void maxDepth_cutsTheTree() throws Exception {
    Comment c = f.comments.comment(Caller.of(alice), post.id(), "level 0");
    for (int depth = 1; depth < 150; depth++) {
      c = f.comments.reply(Caller.of(alice), c.id(), "level " + depth);
    }
    List<Comment> tree = f.comments.tree(post.id(), CommentSort.NEW.ordinal(), 99, 1000);
    assertEquals(100, tree.size());
    assertEquals(99, tree.get(99).depth());
    assertEquals(1, f.comments.tree(post.id(), CommentSort.NEW.ordinal(), 0, 1000).size());
  }

  @Test
  void limit_cutsTheWalk() throws Exception {
    Comment c = f.comments.comment(Caller.of(alice), post.id(), "level 0");
    for (int depth = 1; depth < 20; depth++) {
      c = f.comments.reply(Caller.of(alice), c.id(), "level " + depth);
    }
    assertEquals(7, f.comments.tree(post.id(), CommentSort.TOP.ordinal(), 100, 7).size());
  }

  @Test
  void eachCommentIsFollowedByItsReplies_siblingsInSortOrder() throws Exception {
    String bob = f.user("bob");
    String carol = f.user("carol");
    Comment a = f.comments.comment(Caller.of(alice), post.id(), "a");
    Comment b = f.comments.comment(Caller.of(alice), post.id(), "b");
    Comment a1 = f.comments.reply(Caller.of(bob), a.id(), "a1");
    Comment a2 = f.comments.reply(Caller.of(bob), a.id(), "a2");
    Comment a11 = f.comments.reply(Caller.of(carol), a1.id(), "a11");
    f.comments.vote(Caller.of(bob), b.id(), VoteDirection.UP.value());
    f.comments.vote(Caller.of(carol), b.id(), VoteDirection.UP.value());
    f.comments.vote(Caller.of(carol), a2.id(), VoteDirection.UP.value());

    assertEquals(List.of(b.id(), a.id(), a2.id(), a1.id(), a11.id()),
        ids(f.comments.tree(post.id(), CommentSort.TOP.ordinal(), 10, 100)));
    assertEquals(List.of(b.id(), a.id(), a2.id(), a1.id(), a11.id()),
        ids(f.comments.tree(post.id(), CommentSort.BEST.ordinal(), 10, 100)));
    // NEW: newest first; ids grow with time, ties broken by id
    assertEquals(List.of(b.id(), a.id(), a2.id(), a1.id(), a11.id()),
        ids(f.comments.tree(post.id(), CommentSort.NEW.ordinal(), 10, 100)));
    f.comments.vote(Caller.of(bob), a.id(), VoteDirection.UP.value());
    f.comments.vote(Caller.of(carol), a.id(), VoteDirection.DOWN.value());
    List<Comment> controversial = f.comments.tree(post.id(), CommentSort.CONTROVERSIAL.ordinal(), 10, 100);
    assertEquals(a.id(), controversial.get(0).id());
    assertEquals(5, f.posts.get(post.id()).commentCount());
  }

  @Test
  void deletedComment_keepsItsRepliesInTheTree() throws Exception {
    String bob = f.user("bob");
    Comment a = f.comments.comment(Caller.of(alice), post.id(), "a");
    Comment reply = f.comments.reply(Caller.of(bob), a.id(), "reply");
    f.comments.delete(Caller.of(alice), a.id());
    List<Comment> tree = f.comments.tree(post.id(), CommentSort.BEST.ordinal(), 10, 100);
    assertEquals(2, tree.size());
    assertTrue(tree.get(0).deleted());
    assertEquals("", tree.get(0).body());
    assertEquals(reply.id(), tree.get(1).id());
    assertEquals("reply", tree.get(1).body());
    assertEquals(2, f.posts.get(post.id()).commentCount());
  }

  private static List<Long> ids(List<Comment> comments) {
    return comments.stream().map(Comment::id).toList();
  }
}
