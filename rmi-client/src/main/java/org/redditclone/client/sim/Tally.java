package org.redditclone.client.sim;

import java.util.concurrent.atomic.LongAdder;

/**
 * The client's counts of what happened besides the writes each user was acknowledged (those are
 * the user's, {@link SimUser#acked()}): the evidence that its users acted on other clients'
 * content, and what its users and planned actions came to.
 */
final class Tally {

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
