package org.redditclone.engine.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.Bindings;
import org.redditclone.api.Caller;
import org.redditclone.api.CommentService;
import org.redditclone.api.EngineStats;
import org.redditclone.api.MessageService;
import org.redditclone.api.PostService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.Engine;
import org.redditclone.engine.EngineConfig;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.Event.PostSubmitted;
import org.redditclone.engine.events.Event.RequestsRemembered;

/**
 * Applied request ids survive a restart: repeated after replaying the journal, whole or from a
 * snapshot, every state-changing call returns its first result and changes nothing.
 */
final class RequestReplayTest {

  private static final JournalOptions OPTIONS =
      JournalOptions.defaults().withFsync(FsyncPolicy.NONE).withSnapshotEvery(0);

  @TempDir Path dir;

  /** The calls of one user session, each with a Caller kept for its repeat. */
  private static final class Calls {
    final Caller create;
    final Caller join;
    final Caller createKotlin;
    final Caller post;
    final Caller repost;
    final Caller comment;
    final Caller reply;
    final Caller vote;
    final Caller commentVote;
    final Caller send;
    final Caller answer;
    final Caller delete;
    long postId;
    long repostId;
    long commentId;
    long replyId;
    long messageId;
    long answerId;

    Calls(String alice, String bob) {
      create = Caller.of(alice);
      join = Caller.of(bob);
      createKotlin = Caller.of(bob);
      post = Caller.of(alice);
      repost = Caller.of(bob);
      comment = Caller.of(bob);
      reply = Caller.of(alice);
      vote = Caller.of(bob);
      commentVote = Caller.of(alice);
      send = Caller.of(alice);
      answer = Caller.of(bob);
      delete = Caller.of(bob);
    }

    /** Makes every call once, or repeats them all, and checks each result is the first one. */
    void run(Engine engine, boolean repeat) throws Exception {
      SubredditService subs = engine.service(Bindings.SUBREDDITS, SubredditService.class);
      PostService posts = engine.service(Bindings.POSTS, PostService.class);
      CommentService comments = engine.service(Bindings.COMMENTS, CommentService.class);
      MessageService messages = engine.service(Bindings.MESSAGES, MessageService.class);
      subs.create(create, "java", "d");
      subs.join(join, "java");
      long p = posts.submit(post, "java", "t", "b").id();
      subs.create(createKotlin, "kotlin", "d");
      long rp = posts.repost(repost, p, "kotlin").id();
      long c = comments.comment(comment, p, "c").id();
      long r = comments.reply(reply, c, "r").id();
      posts.vote(vote, p, VoteDirection.UP.value());
      comments.vote(commentVote, c, VoteDirection.DOWN.value());
      long m = messages.send(send, "bob", "s", "b").id();
      long a = messages.reply(answer, m, "a").id();
      comments.delete(delete, c);
      if (repeat) {
        assertEquals(List.of(postId, repostId, commentId, replyId, messageId, answerId),
            List.of(p, rp, c, r, m, a));
      } else {
        postId = p;
        repostId = rp;
        commentId = c;
        replyId = r;
        messageId = m;
        answerId = a;
      }
    }
  }

  @Test
  void repeatsAfterReplayingTheJournal_changeNothing() throws Exception {
    assertRepeatsChangeNothingAfterRestart(false);
  }

  @Test
  void repeatsAfterReplayingASnapshot_changeNothing() throws Exception {
    assertRepeatsChangeNothingAfterRestart(true);
  }

  private void assertRepeatsChangeNothingAfterRestart(boolean snapshot) throws Exception {
    Calls calls;
    EngineStats before;
    try (Engine engine = engine()) {
      Journal journal = attach(engine);
      UserService users = engine.service(Bindings.USERS, UserService.class);
      users.register("alice", "pw");
      users.register("bob", "pw");
      calls = new Calls(users.login("alice", "pw").token(), users.login("bob", "pw").token());
      calls.run(engine, false);
      before = engine.stats();
      journal.close();
    }
    if (snapshot) {
      Snapshots.compact(dir, JournalFiles.segments(dir).get(JournalFiles.segments(dir).size() - 1));
    }
    try (Engine engine = engine()) {
      Journal journal = attach(engine);
      assertEquals(snapshot ? 1 : 0, JournalFiles.snapshots(dir).size());
      // The sessions were journaled too, so the same tokens still work; the ids are what matter.
      calls.run(engine, true);
      EngineStats after = engine.stats();
      assertEquals(List.of(before.posts(), before.comments(), before.votes(), before.messages(),
              before.memberships(), before.subreddits()),
          List.of(after.posts(), after.comments(), after.votes(), after.messages(),
              after.memberships(), after.subreddits()),
          "the repeats changed nothing");
      journal.close();
    }
  }

  @Test
  void codec_keepsRequestIds_andReadsRecordsWrittenWithoutThem() throws IOException {
    PostSubmitted withId = new PostSubmitted(7, 1, 2, "t", "b", 0, 99, 1234567890123L);
    assertEquals(withId, EventCodec.decode(EventCodec.encode(withId)));
    byte[] full = EventCodec.encode(withId);
    byte[] old = java.util.Arrays.copyOf(full, full.length - Long.BYTES); // as written before ids
    assertEquals(new PostSubmitted(7, 1, 2, "t", "b", 0, 99), EventCodec.decode(old));
    RequestsRemembered w = new RequestsRemembered(3, new long[] {5, -6}, new byte[] {1, 2},
        new long[] {10, 11}, 0);
    Event back = EventCodec.decode(EventCodec.encode(w));
    RequestsRemembered r = (RequestsRemembered) back;
    assertEquals(3, r.userId());
    assertArrayEquals(w.requestIds(), r.requestIds());
    assertArrayEquals(w.kinds(), r.kinds());
    assertArrayEquals(w.resultIds(), r.resultIds());
  }

  private Engine engine() {
    return Engine.create(EngineConfig.defaults().withPasswordCost(1000));
  }

  private Journal attach(Engine engine) throws IOException {
    Journal journal = Journal.open(dir, OPTIONS, engine::apply, e -> {});
    engine.setEventSink(journal);
    engine.setCallBarrier(journal::awaitCallerEvents);
    return journal;
  }
}
