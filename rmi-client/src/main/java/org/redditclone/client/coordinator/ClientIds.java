package org.redditclone.client.coordinator;

import java.util.BitSet;
import org.redditclone.api.AlreadyExistsException;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.RunTerms;

/**
 * The client ids of one run: each held by one client, whether it asked for it, was handed it, or
 * a script reserved it for a client it starts. Not thread-safe: the coordinator's lock guards it.
 */
final class ClientIds {

  private final BitSet taken = new BitSet();
  private final BitSet reserved = new BitSet();

  /**
   * Returns the id a joining client gets: {@code asked}, unless another client holds it (a
   * reserved id is for the one client that asks for it), or for 0 the lowest id nobody holds or
   * reserved.
   *
   * @throws AlreadyExistsException if {@code asked} is held by another client of the run
   * @throws InvalidInputException if the run has no id left
   */
  int claim(int asked, String runId) throws AlreadyExistsException, InvalidInputException {
    if (asked != 0) {
      if (taken.get(asked)) {
        throw new AlreadyExistsException("client id " + asked + " is taken in run " + runId
            + "; give another (--client-id, --first-client-id) or none to be handed one");
      }
      taken.set(asked);
      reserved.clear(asked);
      return asked;
    }
    int id = free(1, 1);
    taken.set(id);
    return id;
  }

  /**
   * Reserves {@code count} consecutive ids above every id held or reserved so far and returns the
   * first.
   *
   * @throws InvalidInputException if {@code count} is not 1..1000 or the ids would pass the limit
   */
  int reserve(int count) throws InvalidInputException {
    if (count < 1 || count > 1000) {
      throw new InvalidInputException("count", count, "must be 1..1000");
    }
    int first = Math.max(taken.length(), reserved.length());
    first = Math.max(first, 1);
    if (first + count - 1 > RunTerms.MAX_CLIENT_ID) {
      throw new InvalidInputException("count", count, "would pass client id " + RunTerms.MAX_CLIENT_ID);
    }
    reserved.set(first, first + count);
    return first;
  }

  /** Notes that {@code id} is held by a client that never joined (it failed to start). */
  void hold(int id) {
    taken.set(id);
    reserved.clear(id);
  }

  private int free(int from, int count) throws InvalidInputException {
    for (int id = from; id + count - 1 <= RunTerms.MAX_CLIENT_ID; id++) {
      if (!taken.get(id) && !reserved.get(id)) {
        return id;
      }
    }
    throw new InvalidInputException("clientId", 0, "cannot be handed out: every id up to "
        + RunTerms.MAX_CLIENT_ID + " is taken");
  }
}
