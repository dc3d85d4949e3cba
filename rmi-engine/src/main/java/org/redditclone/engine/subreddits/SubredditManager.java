package org.redditclone.engine.subreddits;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.redditclone.api.AlreadyExistsException;
import org.redditclone.api.Limits;
import org.redditclone.api.NotFoundException;
import org.redditclone.api.Page;
import org.redditclone.api.RedditException;
import org.redditclone.api.Subreddit;
import org.redditclone.api.SubredditOrder;
import org.redditclone.engine.events.Event.MembershipChanged;
import org.redditclone.engine.events.Event.SubredditCreated;
import org.redditclone.engine.events.EventBus;
import org.redditclone.engine.events.ImpossibleEventException;
import org.redditclone.engine.events.Publisher;
import org.redditclone.engine.names.Named;
import org.redditclone.engine.ranking.Cursor;
import org.redditclone.engine.ranking.RankKey;
import org.redditclone.engine.users.User;
import org.redditclone.engine.users.UserManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Subreddits and memberships, with ranked indexes for the list of all subreddits. */
public final class SubredditManager extends Publisher {

  private static final Logger log = LoggerFactory.getLogger(SubredditManager.class);

  private final Map<String, SubredditEntity> byName = new ConcurrentHashMap<>();
  private final Map<Integer, SubredditEntity> byId = new ConcurrentHashMap<>();
  private final Map<Integer, Set<SubredditEntity>> joinedByUser = new ConcurrentHashMap<>();
  private final NavigableSet<RankKey> byMembers = new ConcurrentSkipListSet<>(RankKey.DESCENDING);
  private final NavigableSet<RankKey> byNew = new ConcurrentSkipListSet<>(RankKey.DESCENDING);
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final AtomicLong memberships = new AtomicLong();
  private final UserManager users;

  /** Creates an empty subreddit store. */
  public SubredditManager(EventBus bus, Clock clock, UserManager users) {
    super(bus, clock);
    this.users = Objects.requireNonNull(users, "users");
  }

  /** Creates a subreddit that {@code creator} joins, for request {@code requestId} (0 for none). */
  public Subreddit create(User creator, long requestId, String name, String description)
      throws RedditException {
    Limits.subredditName(name);
    Limits.text("description", description, 0, Limits.DESCRIPTION_MAX);
    SubredditCreated event = new SubredditCreated(
        nextId.getAndIncrement(), name, description, creator.id(), now(), requestId);
    if (!apply(event)) {
      throw AlreadyExistsException.of("subreddit", name);
    }
    log.info("user {} created subreddit {}", creator.name(), name);
    return byId.get(event.subredditId()).toRecord();
  }

  /**
   * Applies a creation, the creator's membership included; returns false if the name is taken.
   *
   * @throws ImpossibleEventException if the id exists, which no live creation can cause
   */
  public boolean apply(SubredditCreated e) {
    User creator = users.requireUser(e.creatorId());
    SubredditEntity created =
        new SubredditEntity(e.subredditId(), e.name(), e.description(), creator, e.atMillis());
    nextId.accumulateAndGet(e.subredditId() + 1, Math::max);
    // Locked before it is visible, so a join racing the creation waits for the indexes below.
    synchronized (created) {
      SubredditEntity winner = byName.computeIfAbsent(Named.key(e.name()), k -> {
        if (byId.containsKey(created.id())) {
          throw ImpossibleEventException.exists("subreddit", e.subredditId());
        }
        // Inside the bin lock: before anyone can see or join it; a refused event throws here, and
        // the name and the id stay free.
        publish(e);
        byId.put(created.id(), created);
        return created;
      });
      if (winner != created) {
        return false;
      }
      byNew.add(new RankKey(created.createdAtMillis(), created.id()));
      byMembers.add(new RankKey(0, created.id()));
      changeMembership(created, creator, true);
      creator.writes().addSubreddit();
    }
    return true;
  }

  /** Joins {@code user} to a subreddit; joining twice changes nothing. */
  public Subreddit join(User user, long requestId, String name) throws RedditException {
    SubredditEntity sub = find(name);
    apply(new MembershipChanged(user.id(), sub.id(), true, now(), requestId));
    return sub.toRecord();
  }

  /** Removes {@code user} from a subreddit; leaving one not joined changes nothing. */
  public Subreddit leave(User user, long requestId, String name) throws RedditException {
    SubredditEntity sub = find(name);
    apply(new MembershipChanged(user.id(), sub.id(), false, now(), requestId));
    return sub.toRecord();
  }

  /** Applies a join or leave; one that changes nothing is not published. */
  public void apply(MembershipChanged e) {
    SubredditEntity sub = requireSubreddit(e.subredditId());
    User user = users.requireUser(e.userId());
    synchronized (sub) {
      if (isMember(sub, user) != e.joined()) {
        publish(e);
        changeMembership(sub, user, e.joined());
      }
    }
  }

  /** Returns whether {@code user} is a member of {@code sub}; the caller holds {@code sub}'s lock. */
  private boolean isMember(SubredditEntity sub, User user) {
    Set<SubredditEntity> joined = joinedByUser.get(user.id());
    return joined != null && joined.contains(sub);
  }

  /** Changes one membership and the member index; the caller holds {@code sub}'s lock. */
  private boolean changeMembership(SubredditEntity sub, User user, boolean join) {
    Set<SubredditEntity> joined =
        joinedByUser.computeIfAbsent(user.id(), k -> ConcurrentHashMap.newKeySet());
    boolean changed = join ? joined.add(sub) : joined.remove(sub);
    if (changed) {
      int delta = join ? 1 : -1;
      int old = sub.addMembers(delta);
      byMembers.remove(new RankKey(old, sub.id()));
      byMembers.add(new RankKey(old + delta, sub.id()));
      memberships.addAndGet(delta);
      user.writes().addMemberships(delta);
    }
    return changed;
  }

  /** Returns a subreddit by name, ignoring case. */
  public SubredditEntity find(String name) throws RedditException {
    Limits.text("subreddit", name, 1, Limits.SUBREDDIT_MAX);
    return NotFoundException.require(byName.get(Named.key(name)), "subreddit", name);
  }

  /** Returns the subreddit with an id that an applied event named. */
  public SubredditEntity requireSubreddit(int id) {
    return ImpossibleEventException.require(byId.get(id), "subreddit", id);
  }

  /** Returns the subreddits {@code user} has joined, in no order. */
  public List<SubredditEntity> joined(User user) {
    Set<SubredditEntity> joined = joinedByUser.get(user.id());
    // Mutable either way: joinedRecords sorts it (an immutable empty list threw there for a user who
    // had joined nothing; found by FuzzTest).
    return joined == null ? new ArrayList<>() : new ArrayList<>(joined);
  }

  /** Returns the subreddits {@code user} has joined, by name. */
  public List<Subreddit> joinedRecords(User user) {
    List<SubredditEntity> joined = joined(user);
    joined.sort(Comparator.comparing(s -> Named.key(s.name())));
    List<Subreddit> records = new ArrayList<>(joined.size());
    joined.forEach(s -> records.add(s.toRecord()));
    return records;
  }

  /** Returns a page of all subreddits in {@code order}. */
  public Page<Subreddit> list(SubredditOrder order, String cursor, int limit) throws RedditException {
    Limits.required("order", order);
    Limits.pageLimit(limit);
    RankKey after = Cursor.decode(order.name(), cursor);
    NavigableSet<RankKey> index = order == SubredditOrder.MEMBERS ? byMembers : byNew;
    Iterator<RankKey> it = (after == null ? index : index.tailSet(after, false)).iterator();
    List<Subreddit> items = new ArrayList<>(limit);
    RankKey last = null;
    while (items.size() < limit && it.hasNext()) {
      last = it.next();
      items.add(byId.get((int) last.id()).toRecord());
    }
    String next = last != null && it.hasNext() ? Cursor.encode(order.name(), last) : null;
    return new Page<>(List.copyOf(items), next);
  }

  /** Returns the number of subreddits. */
  public long count() {
    return byId.size();
  }

  /** Returns the number of memberships. */
  public long membershipCount() {
    return memberships.get();
  }
}
