package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentSort;
import org.redditclone.api.Post;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.ranking.Ranking;

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

  @Test
  void bestOrder_keptAsVotesComeAndGo_isTheWilsonScoreThenTheNewest_atEveryLevel() throws Exception {
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      voters.add(f.user("voter" + i));
    }
    List<Comment> all = commentsWithReplies(30, 8, 4);
    Random r = new Random(7);
    for (int i = 1; i <= 3000; i++) {
      Comment c = all.get(r.nextInt(all.size()));
      f.comments.vote(Caller.of(voters.get(r.nextInt(voters.size()))), c.id(), r.nextInt(3) - 1);
      if (i % 250 == 0) {
        assertBestOrdered(f.comments.tree(post.id(), CommentSort.BEST.ordinal(), 10, 1000), all.size());
      }
    }
  }

  @Test
  void bestOrder_staysWhole_whileThreadsVoteAndRead() throws Exception {
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      voters.add(f.user("voter" + i));
    }
    List<Comment> all = commentsWithReplies(20, 5, 3);
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String voter0 = voters.get(2 * t);
        String voter1 = voters.get(2 * t + 1);
        Random r = new Random(t);
        work.add(pool.submit(() -> {
          for (int i = 0; i < 2000; i++) {
            Comment c = all.get(r.nextInt(all.size()));
            f.comments.vote(Caller.of(r.nextBoolean() ? voter0 : voter1), c.id(), r.nextInt(3) - 1);
          }
          return null;
        }));
      }
      work.add(pool.submit(() -> {
        for (int i = 0; i < 300; i++) {
          assertEquals(all.size(),
              f.comments.tree(post.id(), CommentSort.BEST.ordinal(), 10, 1000).size());
        }
        return null;
      }));
      for (Future<?> w : work) {
        w.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertBestOrdered(f.comments.tree(post.id(), CommentSort.BEST.ordinal(), 10, 1000), all.size());
  }

  /** Makes {@code top} comments on the post, replies under the first {@code withReplies}, and replies to those. */
  private List<Comment> commentsWithReplies(int top, int withReplies, int replies) throws Exception {
    List<Comment> all = new ArrayList<>();
    for (int i = 0; i < top; i++) {
      Comment c = f.comments.comment(Caller.of(alice), post.id(), "top " + i);
      all.add(c);
      for (int j = 0; i < withReplies && j < replies; j++) {
        Comment reply = f.comments.reply(Caller.of(alice), c.id(), "reply " + j);
        all.add(reply);
        all.add(f.comments.reply(Caller.of(alice), reply.id(), "reply to reply " + j));
      }
    }
    return all;
  }

  /** Checks that every group of siblings in {@code tree} is in BEST order, by the counts shown. */
  private static void assertBestOrdered(List<Comment> tree, int expected) {
    assertEquals(expected, tree.size());
    Map<Long, List<Comment>> byParent = new LinkedHashMap<>();
    for (Comment c : tree) {
      byParent.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
    }
    for (List<Comment> siblings : byParent.values()) {
      for (int i = 1; i < siblings.size(); i++) {
        Comment a = siblings.get(i - 1);
        Comment b = siblings.get(i);
        int byRank = Double.compare(Ranking.best(b.ups(), b.downs()), Ranking.best(a.ups(), a.downs()));
        assertTrue(byRank < 0 || byRank == 0 && a.id() > b.id(), a + " before " + b);
      }
    }
  }
}
