package org.redditclone.engine.requests;

import java.util.Objects;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.Event.CommentAdded;
import org.redditclone.engine.events.Event.CommentDeleted;
import org.redditclone.engine.events.Event.MembershipChanged;
import org.redditclone.engine.events.Event.MessageRead;
import org.redditclone.engine.events.Event.MessageSent;
import org.redditclone.engine.events.Event.PostDeleted;
import org.redditclone.engine.events.Event.PostSubmitted;
import org.redditclone.engine.events.Event.PresenceChanged;
import org.redditclone.engine.events.Event.RequestsRemembered;
import org.redditclone.engine.events.Event.SessionClosed;
import org.redditclone.engine.events.Event.SessionOpened;
import org.redditclone.engine.events.Event.SubredditCreated;
import org.redditclone.engine.events.Event.Target;
import org.redditclone.engine.events.Event.UserRegistered;
import org.redditclone.engine.events.Event.VoteCast;
import org.redditclone.engine.events.EventSink;

/**
 * The one place that says what each event does to the request windows: whose window records its
 * request id, as which {@link RequestKind}, with which result id. The engine keeps it for every
 * event it applies (live and in replay, through its {@link org.redditclone.engine.events.EventBus});
 * a snapshot's fold keeps it for the events it folds, so that both hold the same windows.
 */
public final class RequestBook implements EventSink, Event.Visitor {

  /** Where the windows are, and who wrote an item that a deletion names. */
  public interface Owners {
    /** Returns the window of applied requests of user {@code userId}. */
    AppliedRequests windowOf(int userId);

    /** Returns the author's id of post {@code postId}. */
    int postAuthor(long postId);

    /** Returns the author's id of comment {@code commentId}. */
    int commentAuthor(long commentId);
  }

  private final Owners owners;

  /** Creates the book over {@code owners}. */
  public RequestBook(Owners owners) {
    this.owners = Objects.requireNonNull(owners, "owners");
  }

  /** Records what {@code event} does to the request windows. */
  @Override
  public void accept(Event event) {
    event.accept(this);
  }

  @Override
  public void visit(SubredditCreated e) {
    record(e.creatorId(), e.requestId(), RequestKind.SUBREDDIT, e.subredditId());
  }

  @Override
  public void visit(MembershipChanged e) {
    record(e.userId(), e.requestId(), RequestKind.MEMBERSHIP, e.subredditId());
  }

  @Override
  public void visit(PostSubmitted e) {
    record(e.authorId(), e.requestId(), RequestKind.POST, e.postId());
  }

  @Override
  public void visit(PostDeleted e) {
    if (e.requestId() != 0) {
      record(owners.postAuthor(e.postId()), e.requestId(), RequestKind.POST_DELETE, e.postId());
    }
  }

  @Override
  public void visit(CommentAdded e) {
    record(e.authorId(), e.requestId(), RequestKind.COMMENT, e.commentId());
  }

  @Override
  public void visit(CommentDeleted e) {
    if (e.requestId() != 0) {
      record(owners.commentAuthor(e.commentId()), e.requestId(), RequestKind.COMMENT_DELETE,
          e.commentId());
    }
  }

  @Override
  public void visit(VoteCast e) {
    RequestKind kind = e.target() == Target.POST ? RequestKind.POST_VOTE : RequestKind.COMMENT_VOTE;
    record(e.userId(), e.requestId(), kind, e.itemId());
  }

  @Override
  public void visit(MessageSent e) {
    record(e.fromId(), e.requestId(), RequestKind.MESSAGE, e.messageId());
  }

  /** A snapshot's window replaces what the events before it recorded. */
  @Override
  public void visit(RequestsRemembered e) {
    owners.windowOf(e.userId())
        .reset(new AppliedRequests.Window(e.requestIds(), e.kinds(), e.resultIds()));
  }

  // Accounts, sessions, presence and read marks carry no request id: a repeat of them is harmless.

  @Override
  public void visit(UserRegistered e) {}

  @Override
  public void visit(SessionOpened e) {}

  @Override
  public void visit(SessionClosed e) {}

  @Override
  public void visit(PresenceChanged e) {}

  @Override
  public void visit(MessageRead e) {}

  private void record(int userId, long requestId, RequestKind kind, long resultId) {
    if (requestId != 0) {
      owners.windowOf(userId).record(requestId, kind, resultId);
    }
  }
}
