package org.redditclone.api;

import java.util.List;

/** The names under which the engine binds its services in the RMI registry, and the coordinator its own. */
public final class Bindings {

  private static final String PREFIX = "redditclone/";

  public static final String USERS = PREFIX + "users";
  public static final String SUBREDDITS = PREFIX + "subreddits";
  public static final String POSTS = PREFIX + "posts";
  public static final String COMMENTS = PREFIX + "comments";
  public static final String FEED = PREFIX + "feed";
  public static final String MESSAGES = PREFIX + "messages";
  public static final String STATS = PREFIX + "stats";

  /** Every binding name, in the order the engine binds them. */
  public static final List<String> ALL =
      List.of(USERS, SUBREDDITS, POSTS, COMMENTS, FEED, MESSAGES, STATS);

  /** The run coordinator, in its own registry (not the engine's; not in {@link #ALL}). */
  public static final String COORDINATOR = PREFIX + "coordinator";

  /** The registry port when none is given. */
  public static final int DEFAULT_REGISTRY_PORT = 1099;

  private Bindings() {}
}
