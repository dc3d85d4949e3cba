package org.redditclone.engine.journal;

import java.rmi.Remote;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.redditclone.api.Bindings;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentService;
import org.redditclone.api.EngineStats;
import org.redditclone.api.Post;
import org.redditclone.api.PostService;
import org.redditclone.api.RedditException;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserProfile;
import org.redditclone.api.UserService;

/**
 * Compares what the engine shows with what the journal's events imply, computed independently by
 * {@link StateFold} and {@link ExpectedState}. Nothing is sampled: every user's karma equals the
 * votes by others on the user's items, every post's votes and comment count and every comment's
 * votes match its events, every subreddit's member count equals its members, and the engine's
 * totals (users, online, subreddits, posts, comments, votes, messages, memberships) equal the
 * events' (so that the engine holds nothing the events do not). Run after recovery, before the
 * engine serves.
 */
public final class InvariantCheck {

  /** At most this many violations are described; the count is always exact. */
  private static final int DESCRIBED = 20;

  /** Looks up the engine's services by binding name, as {@code engine::service} does. */
  @FunctionalInterface
  public interface Services {
    <T extends Remote> T service(String name, Class<T> api);
  }

  /**
   * The outcome.
   *
   * @param users users checked
   * @param posts posts checked
   * @param comments comments checked
   * @param subreddits subreddits checked
   * @param violations how many values differed
   * @param examples the first few, each naming the item, expected and actual value
   */
  public record Result(long users, long posts, long comments, long subreddits, long violations,
      List<String> examples) {
    public boolean holds() {
      return violations == 0;
    }

    @Override
    public String toString() {
      return (holds() ? "invariants hold" : "INVARIANTS VIOLATED (" + violations + ")") + ": " + users
          + " users' karma, " + posts + " posts' votes and comment counts, " + comments
          + " comments' votes, " + subreddits + " subreddits' member counts and the engine's totals"
          + " checked" + (holds() ? "" : "; " + examples);
    }
  }

  private final List<String> examples = new ArrayList<>();
  private long violations;

  private InvariantCheck() {}

  static Result run(StateFold fold, Services engine) throws RemoteException {
    return new InvariantCheck().check(ExpectedState.of(fold), engine);
  }

  private Result check(ExpectedState x, Services engine) throws RemoteException {
    UserService users = engine.service(Bindings.USERS, UserService.class);
    each(x.users.values(), u -> "user " + u.username(), (u, what) -> {
      UserProfile p = users.profile(u.username());
      expect(what + " postKarma", x.postKarma.getOrDefault(u.userId(), 0L), p.postKarma());
      expect(what + " commentKarma", x.commentKarma.getOrDefault(u.userId(), 0L), p.commentKarma());
    });
    PostService posts = engine.service(Bindings.POSTS, PostService.class);
    each(x.posts.values(), s -> "post " + s.postId(), (s, what) -> {
      Post p = posts.get(s.postId());
      int[] updown = x.postVotes.getOrDefault(s.postId(), new int[2]);
      expect(what + " ups", updown[0], p.ups());
      expect(what + " downs", updown[1], p.downs());
      expect(what + " commentCount", x.commentCounts.getOrDefault(s.postId(), 0), p.commentCount());
    });
    CommentService comments = engine.service(Bindings.COMMENTS, CommentService.class);
    each(x.comments.values(), a -> "comment " + a.commentId(), (a, what) -> {
      Comment c = comments.get(a.commentId());
      int[] updown = x.commentVotes.getOrDefault(a.commentId(), new int[2]);
      expect(what + " postId", a.postId(), c.postId());
      expect(what + " ups", updown[0], c.ups());
      expect(what + " downs", updown[1], c.downs());
    });
    SubredditService subs = engine.service(Bindings.SUBREDDITS, SubredditService.class);
    each(x.subreddits.values(), c -> "subreddit " + c.name(), (c, what) ->
        expect(what + " members", x.members.get(c.subredditId()), subs.get(c.name()).members()));
    EngineStats t = engine.service(Bindings.STATS, StatsService.class).stats();
    expect("the engine's users", x.users.size(), t.users());
    expect("the engine's online users", x.online, t.onlineUsers());
    expect("the engine's subreddits", x.subreddits.size(), t.subreddits());
    expect("the engine's posts", x.posts.size(), t.posts());
    expect("the engine's comments", x.comments.size(), t.comments());
    expect("the engine's votes", x.votes, t.votes());
    expect("the engine's messages", x.messages, t.messages());
    expect("the engine's memberships", x.memberships, t.memberships());
    return new Result(x.users.size(), x.posts.size(), x.comments.size(), x.subreddits.size(),
        violations, List.copyOf(examples));
  }

  /** Checks one item as the engine shows it. */
  @FunctionalInterface
  private interface ItemCheck<T> {
    void check(T item, String what) throws RedditException, RemoteException;
  }

  /** Runs {@code check} on every item; one the engine does not know is a violation too. */
  private <T> void each(Collection<T> items, Function<T, String> name, ItemCheck<T> check)
      throws RemoteException {
    for (T item : items) {
      String what = name.apply(item);
      try {
        check.check(item, what);
      } catch (RedditException e) {
        violation(what + " is in the journal but the engine says: " + e.getMessage());
      }
    }
  }

  private void expect(String what, long expected, long actual) {
    if (expected != actual) {
      violation(what + " is " + actual + "; its events say " + expected);
    }
  }

  private void violation(String what) {
    violations++;
    if (examples.size() < DESCRIBED) {
      examples.add(what);
    }
  }
}
