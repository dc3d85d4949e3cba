package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.Post;
import org.redditclone.api.Score;
import org.redditclone.api.VoteDirection;

final class KarmaTest {

  private Fixture f;
  private String alice;
  private String bob;
  private Post post;
  private Comment comment;

  @BeforeEach
  void setUp() throws Exception {
    f = new Fixture();
    alice = f.user("alice");
    bob = f.user("bob");
    f.subreddit(alice, "java");
    post = f.posts.submit(Caller.of(alice), "java", "Records", "are nice");
    comment = f.comments.comment(Caller.of(alice), post.id(), "agreed");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private long postKarma(String name) throws Exception {
    return f.users.profile(name).postKarma();
  }

  private long commentKarma(String name) throws Exception {
    return f.users.profile(name).commentKarma();
  }

  @Test
  void upvote_givesAuthorOnePostKarma() throws Exception {
    Score score = f.posts.vote(Caller.of(bob), post.id(), VoteDirection.UP.value());
    assertEquals(new Score(post.id(), 1, 0, VoteDirection.UP), score);
    assertEquals(1, postKarma("alice"));
    assertEquals(0, commentKarma("alice"));
  }

  @Test
  void downvote_takesOnePostKarma() throws Exception {
    f.posts.vote(Caller.of(bob), post.id(), VoteDirection.DOWN.value());
    assertEquals(-1, postKarma("alice"));
    assertEquals(-1, f.posts.get(post.id()).score());
  }

  @Test
  void downvoteAfterUpvote_movesKarmaByTwo() throws Exception {
    f.posts.vote(Caller.of(bob), post.id(), VoteDirection.UP.value());
    Score score = f.posts.vote(Caller.of(bob), post.id(), VoteDirection.DOWN.value());
    assertEquals(0, score.ups());
    assertEquals(1, score.downs());
    assertEquals(-1, postKarma("alice"));
  }

  @Test
  void retractedVote_undoesItsKarma() throws Exception {
    f.posts.vote(Caller.of(bob), post.id(), VoteDirection.UP.value());
    Score score = f.posts.vote(Caller.of(bob), post.id(), VoteDirection.NONE.value());
    assertEquals(new Score(post.id(), 0, 0, VoteDirection.NONE), score);
    assertEquals(0, postKarma("alice"));
    assertEquals(0, f.stats.stats().votes());
  }

  @Test
  void sameVoteTwice_countsOnce() throws Exception {
    f.posts.vote(Caller.of(bob), post.id(), VoteDirection.UP.value());
    f.posts.vote(Caller.of(bob), post.id(), VoteDirection.UP.value());
    assertEquals(1, f.posts.get(post.id()).ups());
    assertEquals(1, postKarma("alice"));
    assertEquals(1, f.stats.stats().votes());
  }

  @Test
  void ownVote_changesScoreButGivesNoKarma() throws Exception {
    Score score = f.posts.vote(Caller.of(alice), post.id(), VoteDirection.UP.value());
    assertEquals(1, score.score());
    assertEquals(0, postKarma("alice"));
    f.comments.vote(Caller.of(alice), comment.id(), VoteDirection.DOWN.value());
    assertEquals(-1, f.comments.get(comment.id()).score());
    assertEquals(0, commentKarma("alice"));
  }

  @Test
  void commentVotes_goToCommentKarmaOnly() throws Exception {
    f.comments.vote(Caller.of(bob), comment.id(), VoteDirection.UP.value());
    assertEquals(1, commentKarma("alice"));
    f.comments.vote(Caller.of(bob), comment.id(), VoteDirection.DOWN.value());
    assertEquals(-1, commentKarma("alice"));
    f.comments.vote(Caller.of(bob), comment.id(), VoteDirection.NONE.value());
    assertEquals(0, commentKarma("alice"));
    assertEquals(0, postKarma("alice"));
  }

  @Test
  void votesOfManyUsers_addUp() throws Exception {
    for (int i = 0; i < 5; i++) {
      String token = f.user("voter" + i);
      f.posts.vote(Caller.of(token), post.id(), i < 3 ? VoteDirection.UP.value() : VoteDirection.DOWN.value());
    }
    Post now = f.posts.get(post.id());
    assertEquals(3, now.ups());
    assertEquals(2, now.downs());
    assertEquals(1, postKarma("alice"));
    assertEquals(5, f.stats.stats().votes());
  }

  @Test
  void voteOnDeletedPost_isAcceptedAndCounts() throws Exception {
    f.posts.delete(Caller.of(alice), post.id());
    f.posts.vote(Caller.of(bob), post.id(), VoteDirection.UP.value());
    assertEquals(1, f.posts.get(post.id()).ups());
    assertEquals(1, postKarma("alice"));
  }
}
