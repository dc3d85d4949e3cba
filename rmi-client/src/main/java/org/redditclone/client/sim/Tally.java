package org.redditclone.client.sim;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the engine acknowledged to this client's users, which the coordinator checks against the
 * engine's counters, and the evidence that they acted on other clients' content.
 *
 * <p>Only a call that returned counts. A call that failed with a {@code RemoteException} after
 * the engine applied it (the reply was lost) is not counted, and shows as a mismatch in the
 * consistency check: that is what the check is for.
 */
final class Tally {

  /** Posts and reposts. */
  final LongAdder posts = new LongAdder();
  /** Comments and replies. */
  final LongAdder comments = new LongAdder();
  /** Messages sent and replies to messages. */
  final LongAdder messages = new LongAdder();
  /** Joins that changed membership, creators' implicit joins included, minus leaves. */
  final LongAdder memberships = new LongAdder();
  /** Subreddits this client created. */
  final LongAdder subreddits = new LongAdder();

  /** Votes on posts and comments whose author belongs to another client. */
  final LongAdder crossVotes = new LongAdder();
  /** Comments and replies on content of another client's user. */
  final LongAdder crossComments = new LongAdder();
  /** Messages and message replies to another client's user. */
  final LongAdder crossMessages = new LongAdder();
  /** Reposts of another client's user's posts. */
  final LongAdder crossReposts = new LongAdder();

  /** Users whose name was already registered (a run tag reused on the same engine). */
  final LongAdder reusedUsers = new LongAdder();
  /** Users that could not log in at setup and sat the run out. */
  final LongAdder failedUsers = new LongAdder();
  /** Planned actions that found no user online. */
  final LongAdder skippedNoUserOnline = new LongAdder();
  /** Planned actions dropped because the backlog of late actions was full. */
  final LongAdder droppedBacklog = new LongAdder();
  /** Actions done in place of a planned one that had no target yet (vote before any post seen). */
  final LongAdder substituted = new LongAdder();

  long crossActions() {
    return crossVotes.sum() + crossComments.sum() + crossMessages.sum() + crossReposts.sum();
  }
}
