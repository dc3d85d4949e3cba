package org.redditclone.engine;

import java.time.Duration;
import org.redditclone.api.Bindings;
import org.redditclone.api.Caller;
import org.redditclone.api.CommentService;
import org.redditclone.api.FeedService;
import org.redditclone.api.MessageService;
import org.redditclone.api.PostService;
import org.redditclone.api.RedditException;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;

/** An in-process engine with a hand-moved clock and cheap password hashing, and its services. */
final class Fixture implements AutoCloseable {

  static final int TEST_PASSWORD_COST = 1000;
  static final String PASSWORD = "correct horse";

  final MutableClock clock = new MutableClock(1_700_000_000_000L);
  final Engine engine;
  final UserService users;
  final SubredditService subreddits;
  final PostService posts;
  final CommentService comments;
  final FeedService feed;
  final MessageService messages;
  final StatsService stats;

  Fixture() {
    this(Duration.ofHours(24));
  }

  Fixture(Duration idleTimeout) {
    engine = Engine.create(EngineConfig.defaults()
        .withPasswordCost(TEST_PASSWORD_COST).withSessionIdleTimeout(idleTimeout).withClock(clock));
    users = engine.service(Bindings.USERS, UserService.class);
    subreddits = engine.service(Bindings.SUBREDDITS, SubredditService.class);
    posts = engine.service(Bindings.POSTS, PostService.class);
    comments = engine.service(Bindings.COMMENTS, CommentService.class);
    feed = engine.service(Bindings.FEED, FeedService.class);
    messages = engine.service(Bindings.MESSAGES, MessageService.class);
    stats = engine.service(Bindings.STATS, StatsService.class);
  }

  /** Registers {@code name} and returns a session token. */
  String user(String name) throws Exception {
    users.register(name, PASSWORD);
    return users.login(name, PASSWORD).token();
  }

  /** Creates a subreddit as the holder of {@code token}. */
  void subreddit(String token, String name) throws RedditException, java.rmi.RemoteException {
    subreddits.create(Caller.of(token), name, "about " + name);
  }

  @Override
  public void close() {
    engine.close();
  }
}
