package org.redditclone.engine.votes;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.redditclone.api.Limits;
import org.redditclone.api.NotFoundException;
import org.redditclone.api.RedditException;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.EventBus;
import org.redditclone.engine.events.ImpossibleEventException;
import org.redditclone.engine.events.Publisher;
import org.redditclone.engine.users.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The posts, or the comments, by id: what the two managers share. It hands out new ids, finds an
 * item by the id a call names ({@link NotFoundException} when there is none) or by the id an
 * applied event names ({@link ImpossibleEventException}), and deletes an item for its author.
 *
 * @param <E> the item kept: a post or a comment
 * @param <D> the event that deletes one
 * @param <R> the item as the contract shows it
 */
public abstract class VotableStore<E extends Votable<R>, D extends Event, R> extends Publisher {

  /** Makes the event that deletes item {@code id} at {@code atMillis} for {@code requestId}. */
  @FunctionalInterface
  protected interface Deletion<D> {
    D of(long id, long atMillis, long requestId);
  }

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final Map<Long, E> byId = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final String kind;
  private final Deletion<D> deletion;
  private final ToLongFunction<D> deletedId;

  /**
   * Creates an empty store of items of {@code kind} ("post", "comment": input fields and errors
   * name them so), deleted by the events {@code deletion} makes, which name the item by {@code
   * deletedId}.
   */
  protected VotableStore(String kind, Deletion<D> deletion, ToLongFunction<D> deletedId,
      EventBus bus, Clock clock) {
    super(bus, clock);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.deletion = Objects.requireNonNull(deletion, "deletion");
    this.deletedId = Objects.requireNonNull(deletedId, "deletedId");
  }

  /** Returns the id for a new item. */
  protected final long newId() {
    return nextId.getAndIncrement();
  }

  /**
   * Checks that an event that creates item {@code id} creates a new one.
   *
   * @throws ImpossibleEventException if the id exists
   */
  protected final void requireNew(long id) {
    if (byId.containsKey(id)) {
      throw ImpossibleEventException.exists(kind, id);
    }
  }

  /** Makes a new item visible by its id and keeps new ids above it (a replayed one included). */
  protected final void add(E item) {
    byId.put(item.id(), item);
    nextId.accumulateAndGet(item.id() + 1, Math::max);
  }

  /** Returns the item with this id, or null. */
  public final E find(long id) {
    return byId.get(id);
  }

  /**
   * Returns the item with the id that the input {@code field} names.
   *
   * @throws org.redditclone.api.InvalidInputException if the id is not positive
   * @throws NotFoundException if there is none
   */
  public final E find(String field, long id) throws RedditException {
    Limits.id(field, id);
    return NotFoundException.require(byId.get(id), kind, id);
  }

  /**
   * Returns the item with the id a call names, as the contract shows it now.
   *
   * @throws org.redditclone.api.InvalidInputException if the id is not positive
   * @throws NotFoundException if there is none
   */
  public final R get(long id) throws RedditException {
    return find(kind + "Id", id).toRecord();
  }

  /** Returns the item with an id that an applied event named. */
  public final E require(long id) {
    return ImpossibleEventException.require(byId.get(id), kind, id);
  }

  /** Returns the author of the item with an id that an applied event named. */
  public final User author(long id) {
    return require(id).author();
  }

  /**
   * Deletes {@code user}'s own item for request {@code requestId}: it stays where it was, shown as
   * deleted.
   *
   * @throws org.redditclone.api.ForbiddenException if another user wrote it
   */
  public final void delete(User user, long requestId, long id) throws RedditException {
    find(kind + "Id", id).requireAuthor(user, kind);
    apply(deletion.of(id, now(), requestId));
    log.info("user {} deleted {} #{}", user.name(), kind, id);
  }

  /** Applies a deletion; deleting twice changes nothing. */
  public final void apply(D e) {
    require(deletedId.applyAsLong(e)).applyDeletion(e, this::publish);
  }

  /** Returns the number of items, deleted ones included. */
  public final long count() {
    return byId.size();
  }
}
