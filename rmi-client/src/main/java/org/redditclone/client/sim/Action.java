package org.redditclone.client.sim;

import java.util.Locale;
import org.redditclone.client.metrics.Op;

/** What a simulated user does in one step of the steady phase; the key is its name in {@code --mix}. */
enum Action {
  POST(Op.POST),
  REPOST(Op.REPOST),
  COMMENT(Op.COMMENT),
  REPLY(Op.REPLY),
  VOTE_POST(Op.VOTE_POST),
  VOTE_COMMENT(Op.VOTE_COMMENT),
  FEED(Op.FEED),
  LISTING(Op.LISTING),
  COMMENT_TREE(Op.COMMENT_TREE),
  SEND_DM(Op.SEND_DM),
  INBOX(Op.INBOX),
  REPLY_DM(Op.REPLY_DM),
  JOIN(Op.JOIN),
  LEAVE(Op.LEAVE);

  private final Op op;

  Action(Op op) {
    this.op = op;
  }

  /** Returns the operation this action is recorded under when it runs as planned. */
  Op op() {
    return op;
  }

  /** Returns the key of this action in {@code --mix}, for example {@code vote_post}. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
