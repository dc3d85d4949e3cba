package org.redditclone.engine.votes;

import java.util.Objects;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.users.User;

/**
 * Something users vote on: it counts its votes and remembers each voter's vote. Its monitor guards
 * the counts and the vote table, so a vote and its effects are atomic per item.
 */
public abstract class Votable {

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

  /** Called under this item's lock after its counts changed, e.g. to re-key rank indexes. */
  protected abstract void scoreChanged();

  /** Adds {@code delta} to the author's karma of the right kind (post or comment). */
  protected abstract void creditAuthor(long delta);

  private static VoteDirection direction(byte vote) {
    return vote > 0 ? VoteDirection.UP : vote < 0 ? VoteDirection.DOWN : VoteDirection.NONE;
  }
}
