package org.redditclone.engine.subreddits;

import java.util.Objects;
import org.redditclone.api.Subreddit;
import org.redditclone.engine.users.User;

/** A subreddit's state. Its monitor guards the member count. */
public final class SubredditEntity {

  private final int id;
  private final String name;
  private final String description;
  private final User creator;
  private final long createdAtMillis;
  private int members;

  SubredditEntity(int id, String name, String description, User creator, long createdAtMillis) {
    this.id = id;
    this.name = Objects.requireNonNull(name, "name");
    this.description = Objects.requireNonNull(description, "description");
    this.creator = Objects.requireNonNull(creator, "creator");
    this.createdAtMillis = createdAtMillis;
  }

  /** Returns the engine-internal id. */
  public int id() {
    return id;
  }

  /** Returns the name as created. */
  public String name() {
    return name;
  }

  /** Returns the creation time, epoch milliseconds. */
  public long createdAtMillis() {
    return createdAtMillis;
  }

  /** Returns the number of members. */
  public synchronized int members() {
    return members;
  }

  /** Adds {@code delta} members and returns the old count; the caller holds this lock. */
  int addMembers(int delta) {
    int old = members;
    members += delta;
    return old;
  }

  /** Returns the subreddit as the contract shows it. */
  public Subreddit toRecord() {
    return new Subreddit(name, description, creator.name(), createdAtMillis, members());
  }

  @Override
  public String toString() {
    return "Subreddit[" + name + "#" + id + "]";
  }
}
