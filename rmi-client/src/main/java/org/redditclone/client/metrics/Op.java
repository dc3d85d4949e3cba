package org.redditclone.client.metrics;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Stable lower-case operation names, the same in every file and run. */
public enum Op {
  REGISTER,
  LOGIN,
  CREATE_SUBREDDIT,
  JOIN,
  LEAVE,
  POST,
  REPOST,
  COMMENT,
  REPLY,
  VOTE_POST,
  VOTE_COMMENT,
  FEED,
  LISTING,
  COMMENT_TREE,
  SEND_DM,
  INBOX,
  REPLY_DM,
  GO_ONLINE,
  GO_OFFLINE,
  GET_POST,
  MARK_READ,
  STATS,
  /** The ping loops' call: {@code StatsService.ping()}, a remote call that does nothing. */
  PING;

  private static final Map<String, Op> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Op::wireName, Function.identity()));

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** Returns the name used in files: "vote_post" etc. */
  public String wireName() {
    return wireName;
  }

  /** Returns the Op for a wire name, or throws IllegalArgumentException naming it. */
  public static Op fromWireName(String name) {
    requireNonNull(name, "name");
    Op op = BY_WIRE_NAME.get(name);
    if (op == null) {
      throw new IllegalArgumentException(
          "operation '" + name + "' is unknown; the operations are "
              + Arrays.stream(values()).map(Op::wireName).collect(Collectors.joining(", ")));
    }
    return op;
  }
}
