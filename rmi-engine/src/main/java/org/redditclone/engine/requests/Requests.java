package org.redditclone.engine.requests;

import java.util.Objects;
import org.redditclone.api.RedditException;
import org.redditclone.engine.events.EventBus;

/**
 * Runs a state-changing call at most once per request id: the service objects pass each such call
 * through {@link #once}.
 */
public final class Requests {

  /** The call itself; it applies its event with the request id in it. */
  @FunctionalInterface
  public interface Call<T> {
    T call() throws RedditException;
  }

  /** Rebuilds the result of an applied request from its result id and the state now. */
  @FunctionalInterface
  public interface Replay<T> {
    T replay(long resultId) throws RedditException;
  }

  private final EventBus bus;

  /** Creates the runner; replays make their call wait for what {@code bus} published. */
  public Requests(EventBus bus) {
    this.bus = Objects.requireNonNull(bus, "bus");
  }

  /**
   * Returns the first result of {@code requestId} if {@code applied} holds it, rebuilt by {@code
   * replay}, changing nothing; otherwise runs {@code call}. A duplicate arriving while the first is
   * in progress waits for it and is then answered as a repeat.
   *
   * @throws org.redditclone.api.InvalidInputException if the id was applied to a call of another kind
   */
  public <T> T once(AppliedRequests applied, long requestId, RequestKind kind, Call<T> call,
      Replay<T> replay) throws RedditException {
    AppliedRequests.Applied first = applied.begin(requestId, kind);
    if (first != null) {
      // The first call's event may still be on its way to disk (a duplicate that waited for it):
      // this answer must not be acknowledged before that event is as durable as the first one's.
      bus.dependOnPublished();
      return replay.replay(first.resultId());
    }
    try {
      return call.call();
    } finally {
      applied.end(requestId);
    }
  }
}
