package org.redditclone.engine.journal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.redditclone.api.VoteDirection;
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
import org.redditclone.engine.requests.AppliedRequests;
import org.redditclone.engine.requests.RequestBook;

/**
 * Folds a stream of events into the fewest events that recreate the same state: every creation,
 * the last membership, vote, presence and deletion of each thing, and the sessions still open. It
 * works on events alone, never on a live engine, so a snapshot is consistent by construction.
 *
 * <p>{@link #emit} gives them in an order that is valid to replay: users, subreddits, memberships,
 * posts by id (an original before its reposts), comments by id (a parent before its replies),
 * deletions, votes, messages by id (a message before its replies), read marks, sessions, presence,
 * and last each user's window of applied request ids, which replaces what the events before it
 * recorded, so that a repeated request is recognised after a snapshot as after a full replay.
 * That order differs from the journal's, which is sound because what the engine derives is
 * insensitive to it: counts and karma are sums, listings order by (rank, id) and a vote's time is
 * not kept. {@code JournalReplayTest} checks it against a full replay.
 */
final class StateFold implements Consumer<Event>, Event.Visitor {

  private final Map<Integer, UserRegistered> users = new HashMap<>();
  private final Map<Integer, SubredditCreated> subreddits = new HashMap<>();
  /** The last membership event of each (subreddit, user); see {@link #membershipKey}. */
  private final Map<Long, MembershipChanged> memberships = new HashMap<>();
  private final Map<Long, PostSubmitted> posts = new HashMap<>();
  private final Map<Long, PostDeleted> postDeletions = new HashMap<>();
  private final Map<Long, CommentAdded> comments = new HashMap<>();
  private final Map<Long, CommentDeleted> commentDeletions = new HashMap<>();
  private final Map<Long, VoteFold> postVotes = new HashMap<>();
  private final Map<Long, VoteFold> commentVotes = new HashMap<>();
  private final Map<Long, MessageSent> messages = new HashMap<>();
  private final Map<Long, MessageRead> reads = new HashMap<>();
  private final Map<String, SessionOpened> sessions = new HashMap<>();
  private final Map<Integer, PresenceChanged> online = new HashMap<>();
  private final Map<Integer, AppliedRequests> requests = new HashMap<>();
  /** Keeps {@link #requests} as the engine keeps its users' windows. */
  private final RequestBook requestBook = new RequestBook(new RequestBook.Owners() {
    @Override
    public AppliedRequests windowOf(int userId) {
      return requests.computeIfAbsent(userId, k -> new AppliedRequests());
    }

    @Override
    public int postAuthor(long postId) {
      return posts.get(postId).authorId();
    }

    @Override
    public int commentAuthor(long commentId) {
      return comments.get(commentId).authorId();
    }
  });
  private long folded;

  @Override
  public void accept(Event event) {
    folded++;
    requestBook.accept(event);
    event.accept(this);
  }

  @Override
  public void visit(UserRegistered e) {
    users.put(e.userId(), e);
  }

  @Override
  public void visit(SessionOpened e) {
    sessions.put(e.tokenHash(), e);
  }

  @Override
  public void visit(SessionClosed e) {
    sessions.remove(e.tokenHash());
  }

  @Override
  public void visit(PresenceChanged e) {
    if (e.online()) {
      online.put(e.userId(), e);
    } else {
      online.remove(e.userId());
    }
  }

  @Override
  public void visit(SubredditCreated e) {
    subreddits.put(e.subredditId(), e);
  }

  @Override
  public void visit(MembershipChanged e) {
    memberships.put(membershipKey(e.subredditId(), e.userId()), e);
  }

  @Override
  public void visit(PostSubmitted e) {
    posts.put(e.postId(), e);
  }

  @Override
  public void visit(PostDeleted e) {
    postDeletions.putIfAbsent(e.postId(), e);
  }

  @Override
  public void visit(CommentAdded e) {
    comments.put(e.commentId(), e);
  }

  @Override
  public void visit(CommentDeleted e) {
    commentDeletions.putIfAbsent(e.commentId(), e);
  }

  @Override
  public void visit(VoteCast e) {
    Map<Long, VoteFold> votes = e.target() == Target.POST ? postVotes : commentVotes;
    votes.computeIfAbsent(e.itemId(), k -> new VoteFold()).put(e.userId(), (byte) e.direction().value());
  }

  @Override
  public void visit(MessageSent e) {
    messages.put(e.messageId(), e);
  }

  @Override
  public void visit(MessageRead e) {
    reads.putIfAbsent(e.messageId(), e);
  }

  /** The request book has replaced the user's window with it. */
  @Override
  public void visit(RequestsRemembered e) {}

  /** Returns how many events were folded. */
  long folded() {
    return folded;
  }

  /** Gives the state as events, in an order valid to replay; returns how many. */
  long emit(Consumer<Event> out) {
    long[] n = {0};
    Consumer<Event> counting = e -> {
      n[0]++;
      out.accept(e);
    };
    sorted(users, Comparator.comparingInt(UserRegistered::userId)).forEach(counting);
    sorted(subreddits, Comparator.comparingInt(SubredditCreated::subredditId)).forEach(counting);
    for (MembershipChanged m : sorted(memberships, Comparator
        .comparingInt(MembershipChanged::subredditId).thenComparingInt(MembershipChanged::userId))) {
      boolean creator = subreddits.get(m.subredditId()).creatorId() == m.userId();
      if (m.joined() != creator) { // a creator starts as a member; anyone else does not
        counting.accept(m);
      }
    }
    sorted(posts, Comparator.comparingLong(PostSubmitted::postId)).forEach(counting);
    sorted(comments, Comparator.comparingLong(CommentAdded::commentId)).forEach(counting);
    sorted(postDeletions, Comparator.comparingLong(PostDeleted::postId)).forEach(counting);
    sorted(commentDeletions, Comparator.comparingLong(CommentDeleted::commentId)).forEach(counting);
    emitVotes(Target.POST, postVotes, posts, counting);
    emitVotes(Target.COMMENT, commentVotes, comments, counting);
    sorted(messages, Comparator.comparingLong(MessageSent::messageId)).forEach(counting);
    sorted(reads, Comparator.comparingLong(MessageRead::messageId)).forEach(counting);
    sorted(sessions, Comparator.comparingLong(SessionOpened::atMillis)
        .thenComparing(SessionOpened::tokenHash)).forEach(counting);
    sorted(online, Comparator.comparingInt(PresenceChanged::userId)).forEach(counting);
    List<Integer> owners = new ArrayList<>(requests.keySet());
    owners.sort(null);
    for (int user : owners) {
      AppliedRequests.Window w = requests.get(user).window();
      if (w.size() > 0) {
        counting.accept(new RequestsRemembered(user, w.ids(), w.kinds(), w.results(), 0));
      }
    }
    return n[0];
  }

  private static void emitVotes(Target target, Map<Long, VoteFold> votes, Map<Long, ?> items,
      Consumer<Event> out) {
    List<Long> ids = new ArrayList<>(votes.keySet());
    ids.sort(null);
    for (long id : ids) {
      if (!items.containsKey(id)) {
        throw new IllegalStateException("votes on " + target + " #" + id + ", which was never created");
      }
      votes.get(id).forEach((user, vote) ->
          out.accept(new VoteCast(target, id, user, vote > 0 ? VoteDirection.UP : VoteDirection.DOWN, 0)));
    }
  }

  private static <T> List<T> sorted(Map<?, T> map, Comparator<? super T> order) {
    List<T> list = new ArrayList<>(map.values());
    list.sort(order);
    return list;
  }

  private static long membershipKey(int subredditId, int userId) {
    return (long) subredditId << 32 | (userId & 0xFFFFFFFFL);
  }
}
