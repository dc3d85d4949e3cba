package org.redditclone.engine.votes;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.redditclone.api.Limits;
import org.redditclone.api.NotFoundException;
import org.redditclone.api.RedditException;
import org.redditclone.api.Score;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.events.Event.Target;
import org.redditclone.engine.events.Event.VoteCast;
import org.redditclone.engine.events.EventBus;
import org.redditclone.engine.events.ImpossibleEventException;
import org.redditclone.engine.events.Publisher;
import org.redditclone.engine.users.User;

/**
 * Applies votes: the item's counts, its ranks, the author's karma, the vote counts (the engine's and
 * the voter's), atomically per item.
 */
public final class VoteManager extends Publisher {

  /** Finds the item a vote is on, or returns null. */
  @FunctionalInterface
  public interface Lookup {
    Votable<?> find(long id);
  }

  private final Map<Target, Lookup> lookups;
  private final AtomicLong votes = new AtomicLong();

  /** Creates a vote manager that finds posts and comments through the given lookups. */
  public VoteManager(EventBus bus, Clock clock, Lookup posts, Lookup comments) {
    super(bus, clock);
    this.lookups = new EnumMap<>(Target.class);
    lookups.put(Target.POST, Objects.requireNonNull(posts, "posts"));
    lookups.put(Target.COMMENT, Objects.requireNonNull(comments, "comments"));
  }

  /** Casts, changes or retracts {@code voter}'s vote and returns the item's score right after. */
  public Score vote(User voter, long requestId, Target target, long itemId, VoteDirection direction)
      throws RedditException {
    Limits.id(kind(target) + "Id", itemId);
    Limits.required("direction", direction);
    Votable<?> item = NotFoundException.require(lookups.get(target).find(itemId), kind(target), itemId);
    synchronized (item) {
      apply(item, new VoteCast(target, itemId, voter.id(), direction, now(), requestId), voter);
      return new Score(itemId, item.ups(), item.downs(), direction);
    }
  }

  /** Applies a recorded vote. */
  public void apply(VoteCast e, User voter) {
    Votable<?> item = recorded(e.target(), e.itemId());
    synchronized (item) {
      apply(item, e, voter);
    }
  }

  private void apply(Votable<?> item, VoteCast e, User voter) {
    if (item.voteOf(e.userId()) == e.direction()) {
      return; // the same vote again changes nothing, so no event either
    }
    publish(e); // first: a refused event throws here, before anything changed
    VoteDirection old = item.swap(e.userId(), e.direction());
    int standing = (e.direction() != VoteDirection.NONE ? 1 : 0) - (old != VoteDirection.NONE ? 1 : 0);
    votes.addAndGet(standing);
    voter.writes().addVotes(standing);
    if (item.author().id() != voter.id()) {
      item.creditAuthor(e.direction().value() - old.value());
    }
    item.scoreChanged();
  }

  /** Returns the score of an item as {@code voter} sees it now, for a repeated vote request. */
  public Score score(User voter, Target target, long itemId) {
    Votable<?> item = recorded(target, itemId);
    synchronized (item) {
      return new Score(itemId, item.ups(), item.downs(), item.voteOf(voter.id()));
    }
  }

  /** Returns the number of votes currently cast (not retracted). */
  public long count() {
    return votes.get();
  }

  /** Returns the item a recorded vote names. */
  private Votable<?> recorded(Target target, long itemId) {
    return ImpossibleEventException.require(lookups.get(target).find(itemId), kind(target), itemId);
  }

  /** Returns "post" or "comment", as input fields and errors name them. */
  private static String kind(Target target) {
    return target == Target.POST ? "post" : "comment";
  }
}
