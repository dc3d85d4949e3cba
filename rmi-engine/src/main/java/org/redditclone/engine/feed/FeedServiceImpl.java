package org.redditclone.engine.feed;

import java.util.Objects;
import org.redditclone.api.FeedService;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;
import org.redditclone.api.RedditException;
import org.redditclone.engine.users.UserManager;

/** The remote feed service: authenticates and delegates to the {@link FeedManager}. */
public final class FeedServiceImpl implements FeedService {

  private final UserManager users;
  private final FeedManager feed;

  /** Creates the service. */
  public FeedServiceImpl(UserManager users, FeedManager feed) {
    this.users = Objects.requireNonNull(users, "users");
    this.feed = Objects.requireNonNull(feed, "feed");
  }

  @Override
  public Page<Post> feed(String token, PostSort sort, String cursor, int limit)
      throws RedditException {
    return feed.feed(users.authenticate(token), sort, cursor, limit);
  }
}
