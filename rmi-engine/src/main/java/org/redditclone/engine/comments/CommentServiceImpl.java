package org.redditclone.engine.comments;

import java.util.List;
import java.util.Objects;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentService;
import org.redditclone.api.CommentSort;
import org.redditclone.api.RedditException;
import org.redditclone.api.Score;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.events.Event.Target;
import org.redditclone.engine.users.UserManager;
import org.redditclone.engine.votes.VoteManager;

/** The remote comment service: authenticates and delegates to the {@link CommentManager}. */
public final class CommentServiceImpl implements CommentService {

  private final UserManager users;
  private final CommentManager comments;
  private final VoteManager votes;

  /** Creates the service. */
  public CommentServiceImpl(UserManager users, CommentManager comments, VoteManager votes) {
    this.users = Objects.requireNonNull(users, "users");
    this.comments = Objects.requireNonNull(comments, "comments");
    this.votes = Objects.requireNonNull(votes, "votes");
  }

  @Override
  public Comment comment(String token, long postId, String body) throws RedditException {
    return comments.comment(users.authenticate(token), postId, body);
  }

  @Override
  public Comment reply(String token, long commentId, String body) throws RedditException {
    return comments.reply(users.authenticate(token), commentId, body);
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
  public Score vote(String token, long commentId, VoteDirection direction) throws RedditException {
    return votes.vote(users.authenticate(token), Target.COMMENT, commentId, direction);
  }

  @Override
  public void delete(String token, long commentId) throws RedditException {
    comments.delete(users.authenticate(token), commentId);
  }
}
