package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Limits;
import org.redditclone.api.Message;
import org.redditclone.api.Post;
import org.redditclone.api.Score;
import org.redditclone.api.Subreddit;
import org.redditclone.api.VoteDirection;

/**
 * A call repeated with the same {@link Caller} returns the first call's result and changes
 * nothing, for every state-changing call; concurrent duplicates apply once.
 */
final class IdempotentRetriesTest {

  private Fixture f;
  private String alice;
  private String bob;

  @BeforeEach
  void setUp() throws Exception {
    f = new Fixture();
    alice = f.user("alice");
    bob = f.user("bob");
    f.subreddit(alice, "java");
    f.subreddit(bob, "kotlin");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void repeatedSubmit_returnsTheSamePost_andPostsNothing() throws Exception {
    Caller c = Caller.of(alice);
    Post first = f.posts.submit(c, "java", "once", "body");
    long posts = f.engine.stats().posts();
    Post again = f.posts.submit(c, "java", "once", "body");
    assertEquals(first.id(), again.id());
    assertEquals(posts, f.engine.stats().posts());
    assertEquals(1, f.posts.listing("java", org.redditclone.api.PostSort.NEW.ordinal(), null, 10).items().size());
  }

  @Test
  void repeatedRepost_returnsTheSameRepost() throws Exception {
    Post original = f.posts.submit(Caller.of(alice), "java", "t", "b");
    Caller c = Caller.of(bob);
    Post repost = f.posts.repost(c, original.id(), "kotlin");
    long posts = f.engine.stats().posts();
    assertEquals(repost.id(), f.posts.repost(c, original.id(), "kotlin").id());
    assertEquals(posts, f.engine.stats().posts());
  }

  @Test
  void repeatedCommentAndReply_returnTheSameComments() throws Exception {
    Post post = f.posts.submit(Caller.of(alice), "java", "t", "b");
    Caller comment = Caller.of(bob);
    Caller reply = Caller.of(alice);
    Comment c = f.comments.comment(comment, post.id(), "first");
    Comment r = f.comments.reply(reply, c.id(), "second");
    assertEquals(c.id(), f.comments.comment(comment, post.id(), "first").id());
    assertEquals(r.id(), f.comments.reply(reply, c.id(), "second").id());
    assertEquals(2, f.engine.stats().comments());
    assertEquals(2, f.posts.get(post.id()).commentCount());
  }

  @Test
  void repeatedVote_changesNothing_andReturnsTheScoreNow() throws Exception {
    Post post = f.posts.submit(Caller.of(alice), "java", "t", "b");
    Caller up = Caller.of(bob);
    assertEquals(1, f.posts.vote(up, post.id(), VoteDirection.UP.value()).ups());
    f.posts.vote(Caller.of(bob), post.id(), VoteDirection.DOWN.value());
    Score repeat = f.posts.vote(up, post.id(), VoteDirection.UP.value());
    assertEquals(new Score(post.id(), 0, 1, VoteDirection.DOWN), repeat);
    assertEquals(-1, f.users.profile("alice").postKarma());
  }

  @Test
  void repeatedCommentVote_changesNothing() throws Exception {
    Post post = f.posts.submit(Caller.of(alice), "java", "t", "b");
    Comment c = f.comments.comment(Caller.of(alice), post.id(), "c");
    Caller up = Caller.of(bob);
    f.comments.vote(up, c.id(), VoteDirection.UP.value());
    f.comments.vote(Caller.of(bob), c.id(), VoteDirection.NONE.value());
    assertEquals(new Score(c.id(), 0, 0, VoteDirection.NONE), f.comments.vote(up, c.id(), VoteDirection.UP.value()));
    assertEquals(0, f.users.profile("alice").commentKarma());
    assertEquals(0, f.engine.stats().votes());
  }

  @Test
  void repeatedCreate_returnsTheSubreddit_notAlreadyExists() throws Exception {
    Caller c = Caller.of(alice);
    Subreddit created = f.subreddits.create(c, "scala", "d");
    Subreddit again = f.subreddits.create(c, "scala", "d");
    assertEquals(created.name(), again.name());
    assertEquals(created.createdAtMillis(), again.createdAtMillis());
    assertThrows(org.redditclone.api.AlreadyExistsException.class,
        () -> f.subreddits.create(Caller.of(alice), "scala", "d"));
  }

  @Test
  void repeatedJoinAndLeave_doNotUndoLaterChanges() throws Exception {
    Caller join = Caller.of(bob);
    assertEquals(2, f.subreddits.join(join, "java").members());
    Caller leave = Caller.of(bob);
    assertEquals(1, f.subreddits.leave(leave, "java").members());
    assertEquals(1, f.subreddits.join(join, "java").members(), "a repeated join does not rejoin");
    f.subreddits.join(Caller.of(bob), "java");
    assertEquals(2, f.subreddits.leave(leave, "java").members(), "a repeated leave does not leave");
  }

  @Test
  void repeatedDelete_isNoError_andChangesNothing() throws Exception {
    Post post = f.posts.submit(Caller.of(alice), "java", "t", "b");
    Comment c = f.comments.comment(Caller.of(alice), post.id(), "c");
    Caller deletePost = Caller.of(alice);
    Caller deleteComment = Caller.of(alice);
    f.posts.delete(deletePost, post.id());
    f.comments.delete(deleteComment, c.id());
    f.posts.delete(deletePost, post.id());
    f.comments.delete(deleteComment, c.id());
    assertTrue(f.posts.get(post.id()).deleted());
    assertTrue(f.comments.get(c.id()).deleted());
  }

  @Test
  void repeatedSendAndReply_returnTheSameMessages() throws Exception {
    Caller send = Caller.of(alice);
    Message m = f.messages.send(send, "bob", "hi", "there");
    Caller reply = Caller.of(bob);
    Message r = f.messages.reply(reply, m.id(), "back");
    assertEquals(m, f.messages.send(send, "bob", "hi", "there"));
    assertEquals(r.id(), f.messages.reply(reply, m.id(), "back").id());
    assertEquals(2, f.engine.stats().messages());
    assertEquals(1, f.messages.inbox(bob, false, null, 10).items().size());
  }

  @Test
  void repeatAfterLoggingInAgain_isStillRecognised() throws Exception {
    Caller c = Caller.of(alice);
    Post first = f.posts.submit(c, "java", "t", "b");
    f.users.logout(alice);
    String again = f.users.login("alice", Fixture.PASSWORD).token();
    assertEquals(first.id(), f.posts.submit(c.withToken(again), "java", "t", "b").id());
    assertEquals(1, f.engine.stats().posts());
  }

  @Test
  void sameRequestIdOfAnotherUser_isAnotherRequest() throws Exception {
    Caller c = Caller.of(alice);
    Post a = f.posts.submit(c, "java", "t", "b");
    Post b = f.posts.submit(new Caller(bob, c.requestId()), "java", "t", "b");
    assertFalse(a.id() == b.id());
  }

  @Test
  void requestIdReusedForAnotherKindOfCall_isRefused() throws Exception {
    Caller c = Caller.of(alice);
    Post post = f.posts.submit(c, "java", "t", "b");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> f.posts.vote(c, post.id(), VoteDirection.UP.value()));
    assertEquals("requestId", e.field());
    assertEquals(0, f.engine.stats().votes());
  }

  @Test
  void requestIdZero_isRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> f.posts.submit(new Caller(alice, 0), "java", "t", "b"));
    assertTrue(e.getMessage().contains("requestId"), e.getMessage());
  }

  @Test
  void refusedCall_isNotRemembered_soItsRetryRunsAgain() throws Exception {
    Caller c = Caller.of(alice);
    assertThrows(org.redditclone.api.NotFoundException.class, () -> f.posts.submit(c, "scala", "t", "b"));
    f.subreddit(alice, "scala");
    assertEquals("scala", f.posts.submit(c, "scala", "t", "b").subreddit());
  }

  @Test
  void requestsOlderThanTheWindow_areForgotten() throws Exception {
    Caller oldest = Caller.of(alice);
    Post post = f.posts.submit(oldest, "java", "t", "b");
    for (int i = 0; i < Limits.REQUEST_IDS_KEPT; i++) {
      f.posts.vote(Caller.of(alice), post.id(), i % 2 == 0 ? VoteDirection.UP.value() : VoteDirection.NONE.value());
    }
    assertEquals(post.id() + 1, f.posts.submit(oldest, "java", "t", "b").id(),
        "the window keeps the newest " + Limits.REQUEST_IDS_KEPT + " requests only");
  }

  @Test
  void concurrentDuplicates_applyOnce() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 50; round++) {
        Caller post = Caller.of(alice);
        Caller vote = Caller.of(bob);
        Caller message = Caller.of(bob);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          Callable<List<Long>> task = () -> {
            start.await();
            Post p = f.posts.submit(post, "java", "t", "b");
            Score s = f.posts.vote(vote, p.id(), VoteDirection.DOWN.value());
            Message m = f.messages.send(message, "alice", "s", "b");
            return List.of(p.id(), (long) s.downs(), m.id());
          };
          results.add(pool.submit(task));
        }
        start.countDown();
        Set<List<Long>> distinct = new HashSet<>();
        for (Future<List<Long>> r : results) {
          distinct.add(r.get());
        }
        assertEquals(1, distinct.size(), "every duplicate got the first result: " + distinct);
      }
      assertEquals(50, f.engine.stats().posts());
      assertEquals(50, f.engine.stats().votes());
      assertEquals(50, f.engine.stats().messages());
      assertEquals(-50, f.users.profile("alice").postKarma());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aChangeWhoseEventWasRefused_isNotRememberedAsApplied_soItsRetryAppliesIt() throws Throwable {
    AtomicBoolean refuseNext = new AtomicBoolean();
    f.engine.setEventSink(e -> {
      if (refuseNext.getAndSet(false)) {
        throw new UnsupportedOperationException("refused, as a journal that cannot write refuses");
      }
    });
    Post post = f.posts.submit(Caller.of(alice), "java", "t", "b");
    Caller submit = Caller.of(alice);
    Caller vote = Caller.of(bob);
    Caller comment = Caller.of(bob);
    Caller delete = Caller.of(alice);
    List<Executable> changes = List.of(
        () -> f.posts.submit(submit, "java", "retried", "b"),
        () -> f.posts.vote(vote, post.id(), VoteDirection.UP.value()),
        () -> f.comments.comment(comment, post.id(), "retried"),
        () -> f.posts.delete(delete, post.id()));
    for (Executable change : changes) {
      refuseNext.set(true);
      assertThrows(UnsupportedOperationException.class, change);
      change.execute(); // not answered as a repeat: the refused attempt recorded no request id
    }
    assertEquals(2, f.posts.listing("java", org.redditclone.api.PostSort.NEW.ordinal(), null, 10).items().size());
    Post now = f.posts.get(post.id());
    assertEquals(1, now.ups());
    assertEquals(1, now.commentCount());
    assertTrue(now.deleted());
  }
}
