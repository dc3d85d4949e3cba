package org.redditclone.engine.requests;

import java.util.Objects;
import org.redditclone.api.Caller;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.RedditException;
import org.redditclone.engine.events.EventBus;
import org.redditclone.engine.users.User;
import org.redditclone.engine.users.UserManager;

/**
 * Who calls a service, and whether the call was made before: a read authenticates its session
 * token ({@link #user}); a state-changing call is one {@link #once} (authenticate the caller, take
 * its request id, apply once). The service objects learn the calling user only here.
 */
public final class Requests {

  /** The change itself; it applies its event with {@code requestId} in it. */
  @FunctionalInterface
  public interface Change<T> {
    T apply(User user, long requestId) throws RedditException;
  }

  /** Rebuilds the result of an applied request from its result id and the state now. */
  @FunctionalInterface
  public interface Replay<T> {
    T replay(User user, long resultId) throws RedditException;
  }

  /** Rebuilds the result of an applied request from its result id alone, as the state is now. */
  @FunctionalInterface
  public interface ById<T> {
    T get(long resultId) throws RedditException;
  }

  /** A change with no result, such as a deletion; a repeat of it returns nothing either. */
  @FunctionalInterface
  public interface Action {
    void apply(User user, long requestId) throws RedditException;
  }

  private final EventBus bus;
  private final UserManager users;

  /** Creates the runner; replays make their call wait for what {@code bus} published. */
  public Requests(EventBus bus, UserManager users) {
    this.bus = Objects.requireNonNull(bus, "bus");
    this.users = Objects.requireNonNull(users, "users");
  }

  /**
   * Returns the user of a live session, for a call that changes nothing.
   *
   * @throws NotAuthorizedException if the token is missing, unknown, expired or logged out
   */
  public User user(String token) throws NotAuthorizedException {
    return users.authenticate(token);
  }

  /**
   * Returns the result of {@code caller}'s request: the first result, rebuilt by {@code replay}
   * and changing nothing, if the caller's user applied its request id before; otherwise what
   * {@code change} returns. A duplicate arriving while the first is in progress waits for it and
   * is then answered as a repeat.
   *
   * @throws org.redditclone.api.NotAuthorizedException if the caller's session is not live
   * @throws org.redditclone.api.InvalidInputException if the request id is 0, or was applied to a
   *     call of another kind
   */
  public <T> T once(Caller caller, RequestKind kind, Change<T> change, Replay<T> replay)
      throws RedditException {
    User user = users.authenticate(caller);
    long requestId = caller.requestId();
    AppliedRequests applied = user.requests();
    AppliedRequests.Applied first = applied.begin(requestId, kind);
    if (first != null) {
      // The first call's event may still be on its way to disk (a duplicate that waited for it):
      // this answer must not be acknowledged before that event is as durable as the first one's.
      bus.dependOnPublished();
      return replay.replay(user, first.resultId());
    }
    try {
      return change.apply(user, requestId);
    } finally {
      applied.end(requestId);
    }
  }

  /**
   * Applies {@code caller}'s request once, as {@link #once(Caller, RequestKind, Change, Replay)}
   * does, for a change whose repeat returns what {@code byId} finds by the first result's id.
   */
  public <T> T once(Caller caller, RequestKind kind, Change<T> change, ById<T> byId)
      throws RedditException {
    return once(caller, kind, change, (user, resultId) -> byId.get(resultId));
  }

  /**
   * Applies {@code caller}'s request once, as {@link #once(Caller, RequestKind, Change, Replay)}
   * does, for a change with no result.
   */
  public void once(Caller caller, RequestKind kind, Action action) throws RedditException {
    once(caller, kind, (user, requestId) -> {
      action.apply(user, requestId);
      return null;
    }, (user, resultId) -> null);
  }
}
