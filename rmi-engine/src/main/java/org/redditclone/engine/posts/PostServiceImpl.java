package org.redditclone.engine.posts;

import java.util.Objects;
import org.redditclone.api.Caller;
import org.redditclone.api.Limits;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostService;
import org.redditclone.api.RedditException;
import org.redditclone.api.Score;
import org.redditclone.engine.events.Event.Target;
import org.redditclone.engine.requests.RequestKind;
import org.redditclone.engine.requests.Requests;
import org.redditclone.engine.votes.VoteManager;

/** The remote post service: authenticates and delegates to the {@link PostManager}. */
public record PostServiceImpl(PostManager posts, VoteManager votes, Requests requests)
    implements PostService {

  /** Checks that every part is there. */
  public PostServiceImpl {
    Objects.requireNonNull(posts, "posts");
    Objects.requireNonNull(votes, "votes");
    Objects.requireNonNull(requests, "requests");
  }

  @Override
  public Post submit(Caller caller, String subreddit, String title, String body)
      throws RedditException {
    return requests.once(caller, RequestKind.POST,
        (user, id) -> posts.submit(user, id, subreddit, title, body),
        (user, resultId) -> posts.get(resultId));
  }

  @Override
  public Post repost(Caller caller, long postId, String subreddit) throws RedditException {
    return requests.once(caller, RequestKind.POST,
        (user, id) -> posts.repost(user, id, postId, subreddit),
        (user, resultId) -> posts.get(resultId));
  }

  @Override
  public Post get(long postId) throws RedditException {
    return posts.get(postId);
  }

  @Override
  public Page<Post> listing(String subreddit, int sort, String cursor, int limit)
      throws RedditException {
    return posts.listing(subreddit, Limits.postSort(sort), cursor, limit);
  }

  @Override
  public Score vote(Caller caller, long postId, int direction) throws RedditException {
    return requests.once(caller, RequestKind.POST_VOTE,
        (user, id) -> votes.vote(user, id, Target.POST, postId, Limits.voteDirection(direction)),
        (user, resultId) -> votes.score(user, Target.POST, resultId));
  }

  @Override
  public void delete(Caller caller, long postId) throws RedditException {
    requests.once(caller, RequestKind.POST_DELETE, (user, id) -> posts.delete(user, id, postId));
  }
}
