package org.redditclone.engine.users;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.redditclone.api.UserProfile;
import org.redditclone.api.WriteCounts;
import org.redditclone.engine.names.Named;
import org.redditclone.engine.requests.AppliedRequests;

/**
 * A registered user: name, password hash, karma, presence and the counts of its writes.
 * Thread-safe.
 */
public final class User extends Named {

  private final PasswordHash password;
  private final AtomicLong postKarma = new AtomicLong();
  private final AtomicLong commentKarma = new AtomicLong();
  private final AtomicBoolean online = new AtomicBoolean();
  private final AppliedRequests requests = new AppliedRequests();
  private final Writes writes = new Writes();

  User(int id, String name, long createdAtMillis, PasswordHash password) {
    super(id, name, createdAtMillis);
    this.password = Objects.requireNonNull(password, "password");
  }

  PasswordHash password() {
    return password;
  }

  /** Returns upvotes minus downvotes others gave this user's posts. */
  public long postKarma() {
    return postKarma.get();
  }

  /** Returns upvotes minus downvotes others gave this user's comments. */
  public long commentKarma() {
    return commentKarma.get();
  }

  /** Adds to the post karma; only the application of a vote calls this. */
  public void addPostKarma(long delta) {
    postKarma.addAndGet(delta);
  }

  /** Adds to the comment karma; only the application of a vote calls this. */
  public void addCommentKarma(long delta) {
    commentKarma.addAndGet(delta);
  }

  /** Returns the request ids this user's calls applied lately. */
  public AppliedRequests requests() {
    return requests;
  }

  /** Returns the counts of what the user wrote that the engine holds now. */
  public Writes writes() {
    return writes;
  }

  /** Returns the counts of {@link #writes()} under the user's name. */
  public WriteCounts writeCounts() {
    return writes.toRecord(name());
  }

  /** Returns whether the user's presence is online. */
  public boolean online() {
    return online.get();
  }

  /** Sets the presence; the caller holds this user's lock. */
  void setOnline(boolean value) {
    online.set(value);
  }

  /** Returns what anybody may see of this user. */
  public UserProfile profile() {
    return new UserProfile(name(), postKarma(), commentKarma(), createdAtMillis(), online());
  }

  @Override
  protected String kind() {
    return "User";
  }
}
