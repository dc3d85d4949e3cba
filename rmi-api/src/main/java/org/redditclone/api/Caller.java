package org.redditclone.api;

import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who makes a call that changes state, and which intended change it is: the session token and a
 * request id the client draws once per change, with {@link #of}.
 *
 * <p>A call retried with the same {@code Caller} (after a lost connection or an engine restart) is
 * applied at most once: the engine answers a repeat of an applied request with the first call's
 * result, rebuilt from the item's state now (the same post id, the score now), and changes
 * nothing, also after a restart. The engine remembers the last {@link Limits#REQUEST_IDS_KEPT}
 * applied request ids of each user; a repeat of an older one is applied anew. A call that failed
 * (refused, or changed nothing) is not remembered: its repeat is evaluated again.
 *
 * <p>Request ids belong to the user, not to the session: a retry after logging in again keeps its
 * id and gets a {@code Caller} with the new token, see {@link #withToken}.
 *
 * @param token the session token; keep it secret
 * @param requestId the request id, not 0; unique among the user's recent requests
 */
public record Caller(String token, long requestId) implements Serializable {

  /** Returns a caller for a new change: the token and a fresh random non-zero request id. */
  public static Caller of(String token) {
    long id;
    do {
      id = ThreadLocalRandom.current().nextLong();
    } while (id == 0);
    return new Caller(token, id);
  }

  /** Returns the same request made with another token, e.g. after logging in again. */
  public Caller withToken(String newToken) {
    return new Caller(newToken, requestId);
  }

  @Override
  public String toString() {
    return "Caller[requestId=" + requestId + ", token=<hidden>]";
  }

  /** Serializes as a {@link WireForm}: one small descriptor instead of a record's. */
  @java.io.Serial
  private Object writeReplace() {
    return new WireForm(this);
  }
}
