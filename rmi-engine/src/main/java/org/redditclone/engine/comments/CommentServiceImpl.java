package org.redditclone.engine.comments;

import java.util.List;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentService;
import org.redditclone.api.Limits;
import org.redditclone.api.RedditException;
import org.redditclone.engine.events.Event.Target;
import org.redditclone.engine.requests.RequestKind;
import org.redditclone.engine.requests.Requests;
import org.redditclone.engine.votes.VotableService;
import org.redditclone.engine.votes.VoteManager;

/**
 * The remote comment service: authenticates and delegates to the {@link CommentManager}; get, vote
 * and delete are the ones every votable item has.
 */
public final class CommentServiceImpl extends VotableService<Comment> implements CommentService {

  private final CommentManager comments;

  /** Creates the service over {@code comments}. */
  public CommentServiceImpl(CommentManager comments, VoteManager votes, Requests requests) {
    super(comments, Target.COMMENT, RequestKind.COMMENT, RequestKind.COMMENT_VOTE,
        RequestKind.COMMENT_DELETE, votes, requests);
    this.comments = comments;
  }

  @Override
  public Comment comment(Caller caller, long postId, String body) throws RedditException {
    return create(caller, (user, id) -> comments.comment(user, id, postId, body));
  }

  @Override
  public Comment reply(Caller caller, long commentId, String body) throws RedditException {
    return create(caller, (user, id) -> comments.reply(user, id, commentId, body));
  }

  @Override
  public List<Comment> tree(long postId, int sort, int maxDepth, int limit)
      throws RedditException {
    return comments.tree(postId, Limits.commentSort(sort), maxDepth, limit);
  }
}
