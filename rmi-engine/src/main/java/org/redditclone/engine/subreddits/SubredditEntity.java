package org.redditclone.engine.subreddits;

import java.util.Objects;
import org.redditclone.api.Subreddit;
import org.redditclone.engine.names.Named;
import org.redditclone.engine.users.User;

/** A subreddit's state. Its monitor guards the member count. */
public final class SubredditEntity extends Named {

  private final String description;
  private final User creator;
  private int members;

  SubredditEntity(int id, String name, String description, User creator, long createdAtMillis) {
    super(id, name, createdAtMillis);
    this.description = Objects.requireNonNull(description, "description");
    this.creator = Objects.requireNonNull(creator, "creator");
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
    return new Subreddit(name(), description, creator.name(), createdAtMillis(), members());
  }

  @Override
  protected String kind() {
    return "Subreddit";
  }
}
