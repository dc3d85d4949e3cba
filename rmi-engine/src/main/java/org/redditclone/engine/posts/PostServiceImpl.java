package org.redditclone.engine.posts;

import java.util.Objects;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostService;
import org.redditclone.api.PostSort;
import org.redditclone.api.RedditException;
import org.redditclone.api.Score;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.events.Event.Target;
import org.redditclone.engine.users.UserManager;
import org.redditclone.engine.votes.VoteManager;

/** The remote post service: authenticates and delegates to the {@link PostManager}. */
public final class PostServiceImpl implements PostService {

  private final UserManager users;
  private final PostManager posts;
  private final VoteManager votes;

  /** Creates the service. */
  public PostServiceImpl(UserManager users, PostManager posts, VoteManager votes) {
    this.users = Objects.requireNonNull(users, "users");
    this.posts = Objects.requireNonNull(posts, "posts");
    this.votes = Objects.requireNonNull(votes, "votes");
  }

  @Override
  public Post submit(String token, String subreddit, String title, String body)
      throws RedditException {
    return posts.submit(users.authenticate(token), subreddit, title, body);
  }

  @Override
  public Post repost(String token, long postId, String subreddit) throws RedditException {
    return posts.repost(users.authenticate(token), postId, subreddit);
  }

  @Override
  public Post get(long postId) throws RedditException {
    return posts.get(postId);
  }

  @Override
  public Page<Post> listing(String subreddit, PostSort sort, String cursor, int limit)
      throws RedditException {
    return posts.listing(subreddit, sort, cursor, limit);
  }

  @Override
  public Score vote(String token, long postId, VoteDirection direction) throws RedditException {
    return votes.vote(users.authenticate(token), Target.POST, postId, direction);
  }

  @Override
  public void delete(String token, long postId) throws RedditException {
    posts.delete(users.authenticate(token), postId);
  }
}
