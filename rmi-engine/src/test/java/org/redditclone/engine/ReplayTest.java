package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentSort;
import org.redditclone.api.EngineStats;
import org.redditclone.api.Message;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.events.Event;

/** The event stream carries everything: replaying it into an empty engine rebuilds the same state. */
final class ReplayTest {

  @Test
  void replayedEvents_rebuildTheSameState() throws Exception {
    List<Event> events = new CopyOnWriteArrayList<>();
    List<Object> original;
    try (Fixture f = new Fixture()) {
      f.engine.setEventSink(events::add);
      String alice = f.user("alice");
      String bob = f.user("bob");
      f.users.goOnline(alice);
      f.subreddit(alice, "java");
      f.subreddit(bob, "kotlin");
      f.subreddits.join(Caller.of(bob), "java");
      f.subreddits.leave(Caller.of(alice), "kotlin");
      Post p = f.posts.submit(Caller.of(alice), "java", "Loom", "virtual threads");
      f.clock.advance(Duration.ofMinutes(3));
      Post r = f.posts.repost(Caller.of(bob), p.id(), "kotlin");
      Comment c = f.comments.comment(Caller.of(bob), p.id(), "nice");
      Comment reply = f.comments.reply(Caller.of(alice), c.id(), "thanks");
      f.posts.vote(Caller.of(bob), p.id(), VoteDirection.UP.value());
      f.posts.vote(Caller.of(bob), r.id(), VoteDirection.DOWN.value());
      f.posts.vote(Caller.of(bob), r.id(), VoteDirection.NONE.value());
      f.comments.vote(Caller.of(alice), c.id(), VoteDirection.UP.value());
      f.comments.delete(Caller.of(alice), reply.id());
      Message m = f.messages.send(Caller.of(alice), "bob", "hi", "hello");
      f.messages.reply(Caller.of(bob), m.id(), "hey");
      f.messages.markRead(bob, m.id());
      f.users.logout(bob);
      original = snapshot(f);
      assertTrue(events.stream().noneMatch(e -> e.toString().contains(Fixture.PASSWORD)));
    }
    try (Fixture replayed = new Fixture()) {
      for (Event e : events) {
        replayed.engine.apply(e);
      }
      assertEquals(original, snapshot(replayed));
      // the password hash came along: the user can log in
      assertEquals("alice", replayed.users.login("alice", Fixture.PASSWORD).username());
    }
  }

  private static List<Object> snapshot(Fixture f) throws Exception {
    List<Object> all = new ArrayList<>();
    EngineStats s = f.engine.stats();
    all.add(List.of(s.users(), s.onlineUsers(), s.subreddits(), s.posts(), s.comments(), s.votes(),
        s.messages(), s.memberships()));
    for (String name : List.of("alice", "bob")) {
      all.add(f.users.profile(name));
      all.add(f.stats.writeCounts(name, null, 1).items());
    }
    for (String sub : List.of("java", "kotlin")) {
      all.add(f.subreddits.get(sub));
      for (PostSort sort : PostSort.values()) {
        List<Post> page = f.posts.listing(sub, sort.ordinal(), null, 100).items();
        all.add(page);
        for (Post p : page) {
          for (CommentSort cs : CommentSort.values()) {
            all.add(f.comments.tree(p.id(), cs.ordinal(), 100, 100));
          }
        }
      }
    }
    all.add(f.engine.usersForTest().sessionCount());
    return all;
  }
}
