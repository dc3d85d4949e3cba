package org.redditclone.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.Bindings;
import org.redditclone.api.Caller;
import org.redditclone.api.CommentService;
import org.redditclone.api.CommentSort;
import org.redditclone.api.EngineStats;
import org.redditclone.api.MessageService;
import org.redditclone.api.PostService;
import org.redditclone.api.PostSort;
import org.redditclone.api.RedditException;
import org.redditclone.api.StatsService;
import org.redditclone.api.StorageFailedException;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.Engine;
import org.redditclone.engine.EngineConfig;
import org.redditclone.engine.rmi.ServiceBinding;

/**
 * An engine whose journal failed (its disk filled): every call is refused before it runs, and a
 * change that gets past that check anyway (it started just before the failure) is refused by the
 * journal before it changes anything, so nobody can read a change that a restart would forget.
 */
final class FailedJournalEngineTest {

  private static final String PW = "correct horse";

  @TempDir Path dir;
  private final FaultyChannel.Faults faults = new FaultyChannel.Faults();
  private final CountDownLatch failed = new CountDownLatch(1);
  private Engine engine;
  private Journal journal;
  private UserService users;
  private SubredditService subs;
  private PostService posts;
  private CommentService comments;
  private MessageService messages;
  private String alice;
  private String bob;
  private long p1;
  private long p2;
  private long c1;
  private long m1;

  @BeforeEach
  void engineWhoseDiskJustFilled() throws Exception {
    engine = Engine.create(EngineConfig.defaults().withPasswordCost(1000));
    journal = Journal.open(dir, JournalOptions.defaults(), engine::apply, e -> failed.countDown(),
        faults.opener());
    engine.setEventSink(journal);
    engine.setCallBarrier(journal);
    users = engine.service(Bindings.USERS, UserService.class);
    subs = engine.service(Bindings.SUBREDDITS, SubredditService.class);
    posts = engine.service(Bindings.POSTS, PostService.class);
    comments = engine.service(Bindings.COMMENTS, CommentService.class);
    messages = engine.service(Bindings.MESSAGES, MessageService.class);
    for (String name : List.of("alice", "bob", "dave")) {
      users.register(name, PW);
    }
    alice = users.login("alice", PW).token();
    bob = users.login("bob", PW).token();
    subs.create(Caller.of(alice), "java", "about java");
    subs.create(Caller.of(alice), "misc", "about anything");
    subs.join(Caller.of(bob), "java");
    p1 = posts.submit(Caller.of(alice), "java", "first", "body").id();
    p2 = posts.submit(Caller.of(alice), "java", "second", "body").id();
    c1 = comments.comment(Caller.of(bob), p1, "a comment").id();
    posts.vote(Caller.of(bob), p1, VoteDirection.UP.value());
    m1 = messages.send(Caller.of(alice), "bob", "hi", "hello").id();
    users.goOnline(bob);

    faults.diskFullAfter(0);
    StorageFailedException e = assertThrows(StorageFailedException.class,
        () -> posts.submit(Caller.of(alice), "java", "third", "never saved"));
    assertEquals("the engine's journal failed: No space left on device in " + dir
        + "; this change was not made", e.getMessage());
    assertTrue(failed.await(30, TimeUnit.SECONDS), "the failure handler ran"); // right after the callers' answers
  }

  @AfterEach
  void close() {
    journal.close();
    engine.close();
  }

  @Test
  void everyCallThatCanBeRefused_isRefusedBeforeItRuns_andStatsStillAnswer() throws Exception {
    int refused = 0;
    for (ServiceBinding b : engine.services()) {
      for (Class<?> api : b.service().getClass().getInterfaces()) {
        for (Method m : api.getMethods()) {
          if (!Arrays.asList(m.getExceptionTypes()).contains(RedditException.class)) {
            continue;
          }
          // Arguments that would be refused anyway do not matter: the call never runs.
          InvocationTargetException e = assertThrows(InvocationTargetException.class,
              () -> m.invoke(b.service(), zeros(m.getParameterTypes())), m.toString());
          StorageFailedException s = assertInstanceOf(StorageFailedException.class, e.getCause(), m.toString());
          assertEquals("the engine's journal failed: No space left on device in " + dir
              + "; the engine is stopping: this call was refused and changed nothing", s.getMessage());
          refused++;
        }
      }
    }
    assertTrue(refused >= 30, "every service call but stats: " + refused);
    assertTrue(engine.service(Bindings.STATS, StatsService.class).stats().posts() >= 2);
  }

  @Test
  void aChangeThatGotPastTheEntryCheck_isRefusedBeforeItChangesAnything() throws Exception {
    engine.setCallBarrier(journal::awaitCallerEvents); // no entry check: the journal's own refusal
    List<Object> before = view();
    List<Executable> changes = List.of(
        () -> users.register("carol", PW),
        () -> users.login("alice", PW),
        () -> users.logout(alice),
        () -> users.goOffline(bob),
        () -> users.goOnline(alice),
        () -> subs.create(Caller.of(alice), "rust", "about rust"),
        () -> subs.join(Caller.of(users.login("dave", PW).token()), "java"),
        () -> subs.leave(Caller.of(bob), "java"),
        () -> posts.submit(Caller.of(alice), "java", "fourth", "body"),
        () -> posts.repost(Caller.of(bob), p1, "misc"),
        () -> posts.vote(Caller.of(bob), p1, VoteDirection.DOWN.value()),
        () -> posts.vote(Caller.of(bob), p2, VoteDirection.UP.value()),
        () -> posts.delete(Caller.of(alice), p2),
        () -> comments.comment(Caller.of(alice), p1, "another"),
        () -> comments.reply(Caller.of(alice), c1, "a reply"),
        () -> comments.vote(Caller.of(alice), c1, VoteDirection.UP.value()),
        () -> comments.delete(Caller.of(bob), c1),
        () -> messages.send(Caller.of(bob), "alice", "re", "hi"),
        () -> messages.reply(Caller.of(bob), m1, "hi back"),
        () -> messages.markRead(bob, m1));
    for (Executable change : changes) {
      StorageFailedException e = assertThrows(StorageFailedException.class, change);
      assertTrue(e.getMessage().endsWith("; this change was not made"), e.getMessage());
    }
    assertEquals(before, view());
  }

  /** Returns 0, false or null for each parameter type. */
  private static Object[] zeros(Class<?>[] types) {
    return Arrays.stream(types)
        .map(t -> t == int.class ? 0 : t == long.class ? 0L : t == boolean.class ? false : null)
        .toArray();
  }

  /** Returns everything a client could read that the changes above would have changed. */
  private List<Object> view() throws Exception {
    List<Object> v = new ArrayList<>();
    v.add(users.profile("alice"));
    v.add(users.profile("bob"));
    v.add(users.whoami(alice)); // the session is still open
    v.add(subs.get("java"));
    v.add(subs.joined(bob));
    v.add(subs.list(org.redditclone.api.SubredditOrder.NEW, null, 100));
    v.add(posts.listing("java", PostSort.NEW.ordinal(), null, 100));
    v.add(posts.listing("misc", PostSort.NEW.ordinal(), null, 100));
    v.add(comments.tree(p1, CommentSort.NEW.ordinal(), 10, 100));
    v.add(comments.get(c1));
    v.add(messages.inbox(bob, false, null, 100));
    v.add(messages.inbox(bob, true, null, 100));
    v.add(messages.inbox(alice, false, null, 100));
    EngineStats s = engine.stats();
    v.add(List.of(s.users(), s.onlineUsers(), s.subreddits(), s.posts(), s.comments(), s.votes(),
        s.messages(), s.memberships()));
    return v;
  }
}
