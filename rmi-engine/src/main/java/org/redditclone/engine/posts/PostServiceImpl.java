package org.redditclone.engine.posts;

import org.redditclone.api.Caller;
import org.redditclone.api.Limits;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostService;
import org.redditclone.api.RedditException;
import org.redditclone.engine.events.Event.Target;
import org.redditclone.engine.requests.RequestKind;
import org.redditclone.engine.requests.Requests;
import org.redditclone.engine.votes.VotableService;
import org.redditclone.engine.votes.VoteManager;

/**
 * The remote post service: authenticates and delegates to the {@link PostManager}; get, vote and
 * delete are the ones every votable item has.
 */
public final class PostServiceImpl extends VotableService<Post> implements PostService {

  private final PostManager posts;

  /** Creates the service over {@code posts}. */
  public PostServiceImpl(PostManager posts, VoteManager votes, Requests requests) {
    super(posts, Target.POST, RequestKind.POST, RequestKind.POST_VOTE, RequestKind.POST_DELETE,
        votes, requests);
    this.posts = posts;
  }

  @Override
  public Post submit(Caller caller, String subreddit, String title, String body)
      throws RedditException {
    return create(caller, (user, id) -> posts.submit(user, id, subreddit, title, body));
  }

  @Override
  public Post repost(Caller caller, long postId, String subreddit) throws RedditException {
    return create(caller, (user, id) -> posts.repost(user, id, postId, subreddit));
  }

  @Override
  public Page<Post> listing(String subreddit, int sort, String cursor, int limit)
      throws RedditException {
    return posts.listing(subreddit, Limits.postSort(sort), cursor, limit);
  }
}
