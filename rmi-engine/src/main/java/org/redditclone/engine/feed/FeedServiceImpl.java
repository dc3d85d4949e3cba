package org.redditclone.engine.feed;

import java.util.Objects;
import org.redditclone.api.FeedService;
import org.redditclone.api.Limits;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.RedditException;
import org.redditclone.engine.requests.Requests;

/** The remote feed service: authenticates and delegates to the {@link FeedManager}. */
public record FeedServiceImpl(FeedManager feed, Requests requests) implements FeedService {

  /** Checks that every part is there. */
  public FeedServiceImpl {
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(requests, "requests");
  }

  @Override
  public Page<Post> feed(String token, int sort, String cursor, int limit)
      throws RedditException {
    return feed.feed(requests.user(token), Limits.postSort(sort), cursor, limit);
  }
}
