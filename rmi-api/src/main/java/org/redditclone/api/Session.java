package org.redditclone.api;

/**
 * A logged-in session: the token that every call acting as this user carries.
 *
 * @param token an unguessable token of at least 128 random bits; keep it secret
 * @param username the user's name as registered
 */
public record Session(String token, String username) implements java.io.Serializable {

  @Override
  public String toString() {
    return "Session[username=" + username + ", token=<hidden>]";
  }

  /** Serializes as a {@link WireForm}: one small descriptor instead of a record's. */
  @java.io.Serial
  private Object writeReplace() {
    return new WireForm(this);
  }
}
