package org.redditclone.engine.votes;

import java.util.Objects;
import org.redditclone.api.ForbiddenException;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.EventSink;
import org.redditclone.engine.users.User;

/**
 * Something users vote on and its author may delete, a post or a comment: it counts its votes and
 * remembers each voter's vote. Its monitor guards the counts, the vote table and the deletion, so
 * a vote or a deletion and its effects are atomic per item.
 *
 * @param <R> the item as the contract shows it: a post or a comment
 */
public abstract class Votable<R> {

  private final long id;
  private final User author;
  private final long createdAtMillis;
  private VoteTable votes; // created on the first vote: most items get none
  private int ups;
  private int downs;

  protected Votable(long id, User author, long createdAtMillis) {
    this.id = id;
    this.author = Objects.requireNonNull(author, "author");
    this.createdAtMillis = createdAtMillis;
  }

  /** Returns the item's id. */
  public final long id() {
    return id;
  }

  /** Returns the item's author. */
  public final User author() {
    return author;
  }

  /** Returns the creation time, epoch milliseconds. */
  public final long createdAtMillis() {
    return createdAtMillis;
  }

  /** Returns the number of upvotes. */
  public final synchronized int ups() {
    return ups;
  }

  /** Returns the number of downvotes. */
  public final synchronized int downs() {
    return downs;
  }

  /** Returns {@code user}'s current vote on this item. */
  public final synchronized VoteDirection voteOf(int userId) {
    return votes == null ? VoteDirection.NONE : direction(votes.get(userId));
  }

  /** Records {@code userId}'s vote and returns the previous one; the caller holds this lock. */
  final VoteDirection swap(int userId, VoteDirection direction) {
    if (votes == null) {
      votes = new VoteTable();
    }
    VoteDirection old = direction(votes.put(userId, (byte) direction.value()));
    ups += (direction == VoteDirection.UP ? 1 : 0) - (old == VoteDirection.UP ? 1 : 0);
    downs += (direction == VoteDirection.DOWN ? 1 : 0) - (old == VoteDirection.DOWN ? 1 : 0);
    return old;
  }

  /**
   * Checks that {@code user} wrote this {@code kind} ("post", "comment") before deleting it for them.
   *
   * @throws ForbiddenException if another user wrote it
   */
  public final void requireAuthor(User user, String kind) throws ForbiddenException {
    if (author != user) {
      throw new ForbiddenException(kind + " " + id + " was written by " + author.name() + ", not by "
          + user.name() + "; only its author may delete it");
    }
  }

  /**
   * Applies {@code deletion} of this item: if it is not deleted already, publishes the event, then
   * marks it deleted, under this item's lock, so the sink sees it in order with the item's votes. A
   * refused event throws before the mark, and the item stays as it was.
   */
  public final synchronized void applyDeletion(Event deletion, EventSink publisher) {
    if (!deleted()) {
      publisher.accept(deletion);
      markDeleted();
    }
  }

  /** Returns the item as the contract shows it now. */
  public abstract R toRecord();

  /** Returns whether its author deleted it. */
  public abstract boolean deleted();

  /** Marks it deleted and drops its text. The caller holds this lock. */
  protected abstract void markDeleted();

  /** Called under this item's lock after its counts changed, e.g. to re-key rank indexes. */
  protected abstract void scoreChanged();

  /** Adds {@code delta} to the author's karma of the right kind (post or comment). */
  protected abstract void creditAuthor(long delta);

  private static VoteDirection direction(byte vote) {
    return vote > 0 ? VoteDirection.UP : vote < 0 ? VoteDirection.DOWN : VoteDirection.NONE;
  }
}
