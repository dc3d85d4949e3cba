package org.redditclone.engine.votes;

import java.util.Objects;
import org.redditclone.api.Caller;
import org.redditclone.api.Limits;
import org.redditclone.api.RedditException;
import org.redditclone.api.Score;
import org.redditclone.engine.events.Event.Target;
import org.redditclone.engine.requests.RequestKind;
import org.redditclone.engine.requests.Requests;

/**
 * What the remote post and comment services share over their {@link VotableStore}: an item by id,
 * a vote on one, its deletion by its author, and the creation of one, each change applied once per
 * request. A subclass adds its own creations and listings and implements its Remote interface.
 *
 * @param <R> the item as the contract shows it: a post or a comment
 */
public abstract class VotableService<R> {

  private final VotableStore<?, ?, R> store;
  private final Target target;
  private final RequestKind creation;
  private final RequestKind vote;
  private final RequestKind deletion;
  private final VoteManager votes;
  private final Requests requests;

  /**
   * Creates the calls on the items of {@code store}, which votes name by {@code target}; their
   * requests are of the kinds {@code creation}, {@code vote} and {@code deletion}.
   */
  protected VotableService(VotableStore<?, ?, R> store, Target target, RequestKind creation,
      RequestKind vote, RequestKind deletion, VoteManager votes, Requests requests) {
    this.store = Objects.requireNonNull(store, "store");
    this.target = Objects.requireNonNull(target, "target");
    this.creation = Objects.requireNonNull(creation, "creation");
    this.vote = Objects.requireNonNull(vote, "vote");
    this.deletion = Objects.requireNonNull(deletion, "deletion");
    this.votes = Objects.requireNonNull(votes, "votes");
    this.requests = Objects.requireNonNull(requests, "requests");
  }

  /** Returns the item with id {@code id} as it is now. */
  public final R get(long id) throws RedditException {
    return store.get(id);
  }

  /** Casts, changes or retracts the caller's vote on item {@code id}; returns its score. */
  public final Score vote(Caller caller, long id, int direction) throws RedditException {
    return requests.once(caller, vote,
        (user, requestId) -> votes.vote(user, requestId, target, id, Limits.voteDirection(direction)),
        (user, resultId) -> votes.score(user, target, resultId));
  }

  /** Deletes the caller's own item {@code id}. */
  public final void delete(Caller caller, long id) throws RedditException {
    requests.once(caller, deletion, (user, requestId) -> store.delete(user, requestId, id));
  }

  /**
   * Returns the item that {@code change} creates for the caller's request; a repeat of the request
   * returns the item it created, as it is now.
   */
  protected final R create(Caller caller, Requests.Change<R> change) throws RedditException {
    return requests.once(caller, creation, change, store::get);
  }
}
