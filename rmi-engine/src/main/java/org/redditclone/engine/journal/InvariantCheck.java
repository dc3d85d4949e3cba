package org.redditclone.engine.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redditclone.api.Post;
import org.redditclone.api.PostService;
import org.redditclone.api.RedditException;
import org.redditclone.api.Subreddit;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserProfile;
import org.redditclone.api.UserService;
import org.redditclone.engine.events.Event.PostSubmitted;
import org.redditclone.engine.events.Event.SubredditCreated;
import org.redditclone.engine.events.Event.UserRegistered;

/**
 * Compares what the engine shows with what the journal's events imply, computed independently by
 * {@link StateFold}: every user's karma equals the votes by others on the user's items, every
 * post's votes and comment count match its events, every subreddit's member count equals its
 * members. Run after recovery, before the engine serves.
 */
public final class InvariantCheck {

  /** At most this many violations are described; the count is always exact. */
  private static final int DESCRIBED = 20;

  /**
   * The outcome.
   *
   * @param users users checked
   * @param posts posts checked
   * @param subreddits subreddits checked
   * @param violations how many values differed
   * @param examples the first few, each naming the item, expected and actual value
   */
  public record Result(long users, long posts, long subreddits, long violations, List<String> examples) {
    public boolean holds() {
      return violations == 0;
    }

    @Override
    public String toString() {
      return (holds() ? "invariants hold" : "INVARIANTS VIOLATED (" + violations + ")") + ": " + users
          + " users' karma, " + posts + " posts' votes and comment counts, " + subreddits
          + " subreddits' member counts checked" + (holds() ? "" : "; " + examples);
    }
  }

  private final List<String> examples = new ArrayList<>();
  private long violations;

  private InvariantCheck() {}

  static Result run(StateFold fold, UserService users, PostService posts, SubredditService subs)
      throws java.rmi.RemoteException {
    return new InvariantCheck().check(fold, users, posts, subs);
  }

  private Result check(StateFold fold, UserService users, PostService posts, SubredditService subs)
      throws java.rmi.RemoteException {
    StateFold.Expected x = fold.expected();
    for (UserRegistered u : fold.users().values()) {
      try {
        UserProfile p = users.profile(u.username());
        expect("user " + u.username() + " postKarma", x.postKarma().getOrDefault(u.userId(), 0L), p.postKarma());
        expect("user " + u.username() + " commentKarma", x.commentKarma().getOrDefault(u.userId(), 0L),
            p.commentKarma());
      } catch (RedditException e) {
        violation("user " + u.username() + " is in the journal but the engine says: " + e.getMessage());
      }
    }
    for (PostSubmitted s : fold.posts().values()) {
      try {
        Post p = posts.get(s.postId());
        int[] updown = x.postVotes().getOrDefault(s.postId(), new int[2]);
        expect("post " + s.postId() + " ups", updown[0], p.ups());
        expect("post " + s.postId() + " downs", updown[1], p.downs());
        expect("post " + s.postId() + " commentCount", x.comments().getOrDefault(s.postId(), 0), p.commentCount());
      } catch (RedditException e) {
        violation("post " + s.postId() + " is in the journal but the engine says: " + e.getMessage());
      }
    }
    for (Map.Entry<Integer, SubredditCreated> e : fold.subreddits().entrySet()) {
      try {
        Subreddit s = subs.get(e.getValue().name());
        expect("subreddit " + s.name() + " members", x.members().get(e.getKey()), s.members());
      } catch (RedditException ex) {
        violation("subreddit " + e.getValue().name() + " is in the journal but the engine says: " + ex.getMessage());
      }
    }
    return new Result(fold.users().size(), fold.posts().size(), fold.subreddits().size(), violations,
        List.copyOf(examples));
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
