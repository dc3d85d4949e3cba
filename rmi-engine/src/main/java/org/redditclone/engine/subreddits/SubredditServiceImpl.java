package org.redditclone.engine.subreddits;

import java.util.List;
import java.util.Objects;
import org.redditclone.api.Caller;
import org.redditclone.api.Page;
import org.redditclone.api.RedditException;
import org.redditclone.api.Subreddit;
import org.redditclone.api.SubredditOrder;
import org.redditclone.api.SubredditService;
import org.redditclone.engine.requests.RequestKind;
import org.redditclone.engine.requests.Requests;

/** The remote subreddit service: authenticates and delegates to the {@link SubredditManager}. */
public record SubredditServiceImpl(SubredditManager subreddits, Requests requests)
    implements SubredditService {

  /** Checks that every part is there. */
  public SubredditServiceImpl {
    Objects.requireNonNull(subreddits, "subreddits");
    Objects.requireNonNull(requests, "requests");
  }

  @Override
  public Subreddit create(Caller caller, String name, String description) throws RedditException {
    return requests.once(caller, RequestKind.SUBREDDIT,
        (user, id) -> subreddits.create(user, id, name, description), this::current);
  }

  @Override
  public Subreddit join(Caller caller, String name) throws RedditException {
    return requests.once(caller, RequestKind.MEMBERSHIP,
        (user, id) -> subreddits.join(user, id, name), this::current);
  }

  @Override
  public Subreddit leave(Caller caller, String name) throws RedditException {
    return requests.once(caller, RequestKind.MEMBERSHIP,
        (user, id) -> subreddits.leave(user, id, name), this::current);
  }

  @Override
  public Subreddit get(String name) throws RedditException {
    return subreddits.find(name).toRecord();
  }

  @Override
  public Page<Subreddit> list(SubredditOrder order, String cursor, int limit) throws RedditException {
    return subreddits.list(order, cursor, limit);
  }

  @Override
  public List<Subreddit> joined(String token) throws RedditException {
    return subreddits.joinedRecords(requests.user(token));
  }

  private Subreddit current(long subredditId) {
    return subreddits.requireSubreddit((int) subredditId).toRecord();
  }
}
