package org.redditclone.engine.posts;

import java.util.Objects;
import org.redditclone.api.Caller;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostService;
import org.redditclone.api.PostSort;
import org.redditclone.api.RedditException;
import org.redditclone.api.Score;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.events.Event.Target;
import org.redditclone.engine.requests.RequestKind;
import org.redditclone.engine.requests.Requests;
import org.redditclone.engine.users.User;
import org.redditclone.engine.users.UserManager;
import org.redditclone.engine.votes.VoteManager;

/** The remote post service: authenticates and delegates to the {@link PostManager}. */
public final class PostServiceImpl implements PostService {

  private final UserManager users;
  private final PostManager posts;
  private final VoteManager votes;
  private final Requests requests;

  /** Creates the service. */
  public PostServiceImpl(UserManager users, PostManager posts, VoteManager votes, Requests requests) {
    this.users = Objects.requireNonNull(users, "users");
    this.posts = Objects.requireNonNull(posts, "posts");
    this.votes = Objects.requireNonNull(votes, "votes");
    this.requests = Objects.requireNonNull(requests, "requests");
  }

  @Override
  public Post submit(Caller caller, String subreddit, String title, String body)
      throws RedditException {
    User user = users.authenticate(caller);
    long id = caller.requestId();
    return requests.once(user.requests(), id, RequestKind.POST,
        () -> posts.submit(user, id, subreddit, title, body), posts::get);
  }

  @Override
  public Post repost(Caller caller, long postId, String subreddit) throws RedditException {
    User user = users.authenticate(caller);
    long id = caller.requestId();
    return requests.once(user.requests(), id, RequestKind.POST,
        () -> posts.repost(user, id, postId, subreddit), posts::get);
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
  public Score vote(Caller caller, long postId, VoteDirection direction) throws RedditException {
    User user = users.authenticate(caller);
    long id = caller.requestId();
    return requests.once(user.requests(), id, RequestKind.POST_VOTE,
        () -> votes.vote(user, id, Target.POST, postId, direction),
        votedId -> votes.score(user, Target.POST, votedId));
  }

  @Override
  public void delete(Caller caller, long postId) throws RedditException {
    User user = users.authenticate(caller);
    long id = caller.requestId();
    requests.once(user.requests(), id, RequestKind.POST_DELETE, () -> {
      posts.delete(user, id, postId);
      return null;
    }, deletedId -> null);
  }
}
