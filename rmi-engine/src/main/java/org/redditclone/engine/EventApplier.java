package org.redditclone.engine;

import org.redditclone.engine.comments.CommentManager;
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
import org.redditclone.engine.events.Event.UserRegistered;
import org.redditclone.engine.events.Event.VoteCast;
import org.redditclone.engine.messages.MessageManager;
import org.redditclone.engine.posts.PostManager;
import org.redditclone.engine.subreddits.SubredditManager;
import org.redditclone.engine.users.UserManager;
import org.redditclone.engine.votes.VoteManager;

/**
 * Applies a recorded event through the manager that applied it first. A history that cannot have
 * happened (an event that creates an id or a name that exists, or names one that does not) is
 * refused with an {@link IllegalStateException} before it changes anything, so that recovery
 * stops at that record as it does at a bad checksum.
 */
final class EventApplier implements Event.Visitor {

  private final UserManager users;
  private final SubredditManager subreddits;
  private final PostManager posts;
  private final CommentManager comments;
  private final VoteManager votes;
  private final MessageManager messages;

  EventApplier(UserManager users, SubredditManager subreddits, PostManager posts,
      CommentManager comments, VoteManager votes, MessageManager messages) {
    this.users = users;
    this.subreddits = subreddits;
    this.posts = posts;
    this.comments = comments;
    this.votes = votes;
    this.messages = messages;
  }

  @Override
  public void visit(UserRegistered e) {
    if (!users.apply(e)) {
      throw new IllegalStateException("user " + e.username() + " #" + e.userId()
          + " is registered twice: the name is taken");
    }
  }

  @Override
  public void visit(SessionOpened e) {
    users.apply(e);
  }

  @Override
  public void visit(SessionClosed e) {
    users.apply(e);
  }

  @Override
  public void visit(PresenceChanged e) {
    users.apply(e);
  }

  @Override
  public void visit(SubredditCreated e) {
    if (!subreddits.apply(e)) {
      throw new IllegalStateException("subreddit " + e.name() + " #" + e.subredditId()
          + " is created twice: the name is taken");
    }
  }

  @Override
  public void visit(MembershipChanged e) {
    subreddits.apply(e);
  }

  @Override
  public void visit(PostSubmitted e) {
    posts.apply(e);
  }

  @Override
  public void visit(PostDeleted e) {
    posts.apply(e);
  }

  @Override
  public void visit(CommentAdded e) {
    comments.apply(e);
  }

  @Override
  public void visit(CommentDeleted e) {
    comments.apply(e);
  }

  @Override
  public void visit(VoteCast e) {
    votes.apply(e, users.requireUser(e.userId()));
  }

  @Override
  public void visit(MessageSent e) {
    messages.apply(e);
  }

  @Override
  public void visit(MessageRead e) {
    messages.apply(e);
  }

  @Override
  public void visit(RequestsRemembered e) {
    users.apply(e);
  }
}
