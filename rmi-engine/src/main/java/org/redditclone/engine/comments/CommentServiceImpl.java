package org.redditclone.engine.comments;

import java.util.List;
import java.util.Objects;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentService;
import org.redditclone.api.CommentSort;
import org.redditclone.api.RedditException;
import org.redditclone.api.Score;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.events.Event.Target;
import org.redditclone.engine.requests.RequestKind;
import org.redditclone.engine.requests.Requests;
import org.redditclone.engine.users.User;
import org.redditclone.engine.users.UserManager;
import org.redditclone.engine.votes.VoteManager;

/** The remote comment service: authenticates and delegates to the {@link CommentManager}. */
public final class CommentServiceImpl implements CommentService {

  private final UserManager users;
  private final CommentManager comments;
  private final VoteManager votes;
  private final Requests requests;

  /** Creates the service. */
  public CommentServiceImpl(UserManager users, CommentManager comments, VoteManager votes,
      Requests requests) {
    this.users = Objects.requireNonNull(users, "users");
    this.comments = Objects.requireNonNull(comments, "comments");
    this.votes = Objects.requireNonNull(votes, "votes");
    this.requests = Objects.requireNonNull(requests, "requests");
  }

  @Override
  public Comment comment(Caller caller, long postId, String body) throws RedditException {
    User user = users.authenticate(caller);
    long id = caller.requestId();
    return requests.once(user.requests(), id, RequestKind.COMMENT,
        () -> comments.comment(user, id, postId, body), comments::get);
  }

  @Override
  public Comment reply(Caller caller, long commentId, String body) throws RedditException {
    User user = users.authenticate(caller);
    long id = caller.requestId();
    return requests.once(user.requests(), id, RequestKind.COMMENT,
        () -> comments.reply(user, id, commentId, body), comments::get);
  }

  @Override
  public Comment get(long commentId) throws RedditException {
    return comments.get(commentId);
  }

  @Override
  public List<Comment> tree(long postId, CommentSort sort, int maxDepth, int limit)
      throws RedditException {
    return comments.tree(postId, sort, maxDepth, limit);
  }

  @Override
  public Score vote(Caller caller, long commentId, VoteDirection direction) throws RedditException {
    User user = users.authenticate(caller);
    long id = caller.requestId();
    return requests.once(user.requests(), id, RequestKind.COMMENT_VOTE,
        () -> votes.vote(user, id, Target.COMMENT, commentId, direction),
        votedId -> votes.score(user, Target.COMMENT, votedId));
  }

  @Override
  public void delete(Caller caller, long commentId) throws RedditException {
    User user = users.authenticate(caller);
    long id = caller.requestId();
    requests.once(user.requests(), id, RequestKind.COMMENT_DELETE, () -> {
      comments.delete(user, id, commentId);
      return null;
    }, deletedId -> null);
  }
}
