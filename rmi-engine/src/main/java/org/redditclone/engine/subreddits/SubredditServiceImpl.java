package org.redditclone.engine.subreddits;

import java.util.List;
import java.util.Objects;
import org.redditclone.api.Page;
import org.redditclone.api.RedditException;
import org.redditclone.api.Subreddit;
import org.redditclone.api.SubredditOrder;
import org.redditclone.api.SubredditService;
import org.redditclone.engine.users.UserManager;

/** The remote subreddit service: authenticates and delegates to the {@link SubredditManager}. */
public final class SubredditServiceImpl implements SubredditService {

  private final UserManager users;
  private final SubredditManager subreddits;

  /** Creates the service. */
  public SubredditServiceImpl(UserManager users, SubredditManager subreddits) {
    this.users = Objects.requireNonNull(users, "users");
    this.subreddits = Objects.requireNonNull(subreddits, "subreddits");
  }

  @Override
  public Subreddit create(String token, String name, String description) throws RedditException {
    return subreddits.create(users.authenticate(token), name, description);
  }

  @Override
  public Subreddit join(String token, String name) throws RedditException {
    return subreddits.join(users.authenticate(token), name);
  }

  @Override
  public Subreddit leave(String token, String name) throws RedditException {
    return subreddits.leave(users.authenticate(token), name);
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
    return subreddits.joinedRecords(users.authenticate(token));
  }
}
