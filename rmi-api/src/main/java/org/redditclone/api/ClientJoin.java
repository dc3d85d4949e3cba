package org.redditclone.api;

import java.util.Objects;

/**
 * A client JVM asking to take part in a run.
 *
 * @param clientId the id it asks for, or 0 for one that the coordinator hands out
 * @param host the host it runs on, for the live view
 * @param users the simulated users it plays
 */
public record ClientJoin(int clientId, String host, int users) implements java.io.Serializable {

  public ClientJoin {
    Objects.requireNonNull(host, "host");
    if (clientId < 0 || clientId > RunTerms.MAX_CLIENT_ID) {
      throw new IllegalArgumentException("clientId is " + clientId + "; it must be 0 (hand one out) or 1.."
          + RunTerms.MAX_CLIENT_ID);
    }
    if (host.length() > 255) {
      throw new IllegalArgumentException("host is " + host.length() + " characters; the limit is 255");
    }
    if (users < 0) {
      throw new IllegalArgumentException("users is " + users + "; it cannot be negative");
    }
  }
}
