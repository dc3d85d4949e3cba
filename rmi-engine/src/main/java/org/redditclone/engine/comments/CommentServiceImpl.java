package org.redditclone.engine.comments;

import java.util.List;
import java.util.Objects;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentService;
import org.redditclone.api.Limits;
import org.redditclone.api.RedditException;
import org.redditclone.api.Score;
import org.redditclone.engine.events.Event.Target;
import org.redditclone.engine.requests.RequestKind;
import org.redditclone.engine.requests.Requests;
import org.redditclone.engine.votes.VoteManager;

/** The remote comment service: authenticates and delegates to the {@link CommentManager}. */
public record CommentServiceImpl(CommentManager comments, VoteManager votes, Requests requests)
    implements CommentService {

  /** Checks that every part is there. */
  public CommentServiceImpl {
    Objects.requireNonNull(comments, "comments");
    Objects.requireNonNull(votes, "votes");
    Objects.requireNonNull(requests, "requests");
  }

  @Override
  public Comment comment(Caller caller, long postId, String body) throws RedditException {
    return requests.once(caller, RequestKind.COMMENT,
        (user, id) -> comments.comment(user, id, postId, body),
        (user, resultId) -> comments.get(resultId));
  }

  @Override
  public Comment reply(Caller caller, long commentId, String body) throws RedditException {
    return requests.once(caller, RequestKind.COMMENT,
        (user, id) -> comments.reply(user, id, commentId, body),
        (user, resultId) -> comments.get(resultId));
  }

  @Override
  public Comment get(long commentId) throws RedditException {
    return comments.get(commentId);
  }

  @Override
  public List<Comment> tree(long postId, int sort, int maxDepth, int limit)
      throws RedditException {
    return comments.tree(postId, Limits.commentSort(sort), maxDepth, limit);
  }

  @Override
  public Score vote(Caller caller, long commentId, int direction) throws RedditException {
    return requests.once(caller, RequestKind.COMMENT_VOTE,
        (user, id) ->
            votes.vote(user, id, Target.COMMENT, commentId, Limits.voteDirection(direction)),
        (user, resultId) -> votes.score(user, Target.COMMENT, resultId));
  }

  @Override
  public void delete(Caller caller, long commentId) throws RedditException {
    requests.once(caller, RequestKind.COMMENT_DELETE,
        (user, id) -> comments.delete(user, id, commentId));
  }
}
