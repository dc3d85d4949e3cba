package org.redditclone.engine.names;

import java.util.Locale;
import java.util.Objects;

/**
 * Something known by a name that compares ignoring case: a user or a subreddit. Its id is small
 * and dense, so that tables keyed by it stay compact; its name is shown as it was created and
 * found by its {@link #key}. The fields are final: a subclass adds the state that changes.
 */
public abstract class Named {

  private final int id;
  private final String name;
  private final long createdAtMillis;

  protected Named(int id, String name, long createdAtMillis) {
    this.id = id;
    this.name = Objects.requireNonNull(name, "name");
    this.createdAtMillis = createdAtMillis;
  }

  /** Returns the key that finds {@code name}: the same for every spelling that differs in case. */
  public static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Returns the engine-internal id. */
  public final int id() {
    return id;
  }

  /** Returns the name as created. */
  public final String name() {
    return name;
  }

  /** Returns the creation time, epoch milliseconds. */
  public final long createdAtMillis() {
    return createdAtMillis;
  }

  /** Returns what kind of named thing this is, for {@link #toString}: "User", "Subreddit". */
  protected abstract String kind();

  @Override
  public final String toString() {
    return kind() + "[" + name + "#" + id + "]";
  }
}
