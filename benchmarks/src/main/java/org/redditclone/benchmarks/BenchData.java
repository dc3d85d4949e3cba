package org.redditclone.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.redditclone.api.Bindings;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentService;
import org.redditclone.api.FeedService;
import org.redditclone.api.PostService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.Engine;
import org.redditclone.engine.EngineConfig;

/**
 * An engine filled to about what the simulator builds in a bench run: {@value #USERS} users in
 * {@value #SUBREDDITS} subreddits ({@value #JOINED} joined each), {@value #POSTS} posts with
 * {@value #COMMENTS} comments and three votes each on average, and one thread of {@value #THREAD}
 * comments that the comment-tree benchmarks read.
 */
final class BenchData {

  static final int USERS = 500;
  static final int SUBREDDITS = 100;
  static final int JOINED = 8;
  static final int POSTS = 20_000;
  static final int COMMENTS = 50_000;
  static final int THREAD = 150;
  static final int PAGE = 25;
  private static final String PASSWORD = "benchmark password";

  Engine engine;
  UserService users;
  SubredditService subs;
  PostService posts;
  CommentService comments;
  FeedService feed;
  String[] tokens;
  long[] postIds;
  long threadPostId;
  String body;

  private BenchData() {}

  static String sub(int s) {
    return "bench_r" + s;
  }

  /** Returns a new, filled engine and its services. */
  static BenchData create() throws Exception {
    BenchData d = new BenchData();
    d.fill();
    return d;
  }

  private void fill() throws Exception {
    engine = Engine.create(EngineConfig.defaults().withPasswordCost(1000)
        .withSessionIdleTimeout(Duration.ofDays(1)));
    users = engine.service(Bindings.USERS, UserService.class);
    subs = engine.service(Bindings.SUBREDDITS, SubredditService.class);
    posts = engine.service(Bindings.POSTS, PostService.class);
    comments = engine.service(Bindings.COMMENTS, CommentService.class);
    feed = engine.service(Bindings.FEED, FeedService.class);
    SplittableRandom r = new SplittableRandom(42);
    tokens = new String[USERS];
    for (int i = 0; i < USERS; i++) {
      users.register("bench" + i, PASSWORD);
      tokens[i] = users.login("bench" + i, PASSWORD).token();
    }
    for (int s = 0; s < SUBREDDITS; s++) {
      subs.create(Caller.of(tokens[s % USERS]), sub(s), "subreddit " + s);
    }
    for (int i = 0; i < USERS; i++) {
      for (int j = 0; j < JOINED; j++) {
        subs.join(Caller.of(tokens[i]), sub(r.nextInt(SUBREDDITS)));
      }
    }
    body = Texts.words(r, 40);
    postIds = new long[POSTS];
    for (int p = 0; p < POSTS; p++) {
      postIds[p] = posts.submit(Caller.of(tokens[r.nextInt(USERS)]), sub(r.nextInt(SUBREDDITS)),
          Texts.words(r, 6), Texts.words(r, 10 + r.nextInt(40))).id();
    }
    for (int c = 0; c < COMMENTS; c++) {
      comments.comment(Caller.of(tokens[r.nextInt(USERS)]), postIds[r.nextInt(POSTS)], Texts.words(r, 12));
    }
    for (int v = 0; v < POSTS * 3; v++) {
      posts.vote(Caller.of(tokens[r.nextInt(USERS)]), postIds[r.nextInt(POSTS)],
          r.nextInt(4) == 0 ? VoteDirection.DOWN.value() : VoteDirection.UP.value());
    }
    threadPostId = postIds[0];
    List<Long> thread = new ArrayList<>();
    for (int c = 0; c < THREAD; c++) {
      String token = tokens[r.nextInt(USERS)];
      Comment made = thread.isEmpty() || r.nextInt(3) == 0
          ? comments.comment(Caller.of(token), threadPostId, Texts.words(r, 12))
          : comments.reply(Caller.of(token), thread.get(r.nextInt(thread.size())), Texts.words(r, 12));
      thread.add(made.id());
      comments.vote(Caller.of(tokens[r.nextInt(USERS)]), made.id(), VoteDirection.UP.value());
    }
  }

}
