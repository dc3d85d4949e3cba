package org.redditclone.api;

import java.util.Objects;

/**
 * What a client that joined a run is told once: who it is in the run and how long the run
 * measures.
 *
 * @param runId the run's id (its folder's name), which the client puts in its user names
 * @param clientId the client's id in the run, unique within it
 * @param durationMillis the length of the common measured window
 * @param warmupMillis the warm-up every client's load runs before the window, at least
 */
public record RunTerms(String runId, int clientId, long durationMillis, long warmupMillis)
    implements java.io.Serializable {

  /** The highest client id of a run. */
  public static final int MAX_CLIENT_ID = 9999;

  public RunTerms {
    Objects.requireNonNull(runId, "runId");
    if (clientId < 1 || clientId > MAX_CLIENT_ID) {
      throw new IllegalArgumentException("clientId is " + clientId + "; it must be 1.." + MAX_CLIENT_ID);
    }
    if (durationMillis < 1 || warmupMillis < 0) {
      throw new IllegalArgumentException("durationMillis " + durationMillis + " must be 1 or more and warmupMillis "
          + warmupMillis + " 0 or more");
    }
  }
}
