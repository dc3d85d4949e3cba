package org.redditclone.engine.journal;

import java.util.HashMap;
import java.util.Map;
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

/**
 * What the engine must show for a state, tallied from the events a {@link StateFold} emits for it,
 * without any of the engine's code: every user, subreddit, post and comment, each one's votes,
 * karma, comment and member counts, and the engine's totals. {@link InvariantCheck} compares.
 */
final class ExpectedState implements Event.Visitor {

  final Map<Integer, UserRegistered> users = new HashMap<>();
  final Map<Integer, SubredditCreated> subreddits = new HashMap<>();
  final Map<Long, PostSubmitted> posts = new HashMap<>();
  final Map<Long, CommentAdded> comments = new HashMap<>();
  /** Per user id: votes by others on the user's posts. */
  final Map<Integer, Long> postKarma = new HashMap<>();
  /** Per user id: votes by others on the user's comments. */
  final Map<Integer, Long> commentKarma = new HashMap<>();
  /** Per post id: {ups, downs}. */
  final Map<Long, int[]> postVotes = new HashMap<>();
  /** Per comment id: {ups, downs}. */
  final Map<Long, int[]> commentVotes = new HashMap<>();
  /** Per post id: comments in its thread, deleted ones included. */
  final Map<Long, Integer> commentCounts = new HashMap<>();
  /** Per subreddit id: members now. */
  final Map<Integer, Integer> members = new HashMap<>();
  long online;
  long votes;
  long messages;
  long memberships;

  /** Returns what the engine must show for the state {@code fold} holds. */
  static ExpectedState of(StateFold fold) {
    ExpectedState x = new ExpectedState();
    fold.emit(e -> e.accept(x));
    return x;
  }

  @Override
  public void visit(UserRegistered e) {
    users.put(e.userId(), e);
  }

  @Override
  public void visit(PresenceChanged e) {
    online += e.online() ? 1 : -1;
  }

  @Override
  public void visit(SubredditCreated e) {
    subreddits.put(e.subredditId(), e);
    members.put(e.subredditId(), 1); // its creator
    memberships++;
  }

  @Override
  public void visit(MembershipChanged e) {
    int delta = e.joined() ? 1 : -1;
    members.merge(e.subredditId(), delta, Integer::sum);
    memberships += delta;
  }

  @Override
  public void visit(PostSubmitted e) {
    posts.put(e.postId(), e);
  }

  @Override
  public void visit(CommentAdded e) {
    comments.put(e.commentId(), e);
    commentCounts.merge(e.postId(), 1, Integer::sum);
  }

  @Override
  public void visit(VoteCast e) {
    int vote = e.direction().value();
    if (vote == 0) {
      return;
    }
    votes++;
    boolean onPost = e.target() == Target.POST;
    int author = onPost ? posts.get(e.itemId()).authorId() : comments.get(e.itemId()).authorId();
    int[] updown = (onPost ? postVotes : commentVotes).computeIfAbsent(e.itemId(), k -> new int[2]);
    updown[vote > 0 ? 0 : 1]++;
    if (e.userId() != author) {
      (onPost ? postKarma : commentKarma).merge(author, (long) vote, Long::sum);
    }
  }

  @Override
  public void visit(MessageSent e) {
    messages++;
  }

  // Deletions keep their items and counts; sessions, read marks and request windows count nothing.

  @Override
  public void visit(PostDeleted e) {}

  @Override
  public void visit(CommentDeleted e) {}

  @Override
  public void visit(SessionOpened e) {}

  @Override
  public void visit(SessionClosed e) {}

  @Override
  public void visit(MessageRead e) {}

  @Override
  public void visit(RequestsRemembered e) {}
}
