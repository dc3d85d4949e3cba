package org.redditclone.client.connect;

import java.io.EOFException;
import java.net.SocketException;
import java.rmi.ConnectException;
import java.rmi.ConnectIOException;
import java.rmi.MarshalException;
import java.rmi.NoSuchObjectException;
import java.rmi.UnknownHostException;
import java.rmi.UnmarshalException;
import org.redditclone.api.RedditException;

/**
 * What a failed remote call means to its caller: the one place that classifies failures. The
 * simulator, the CLI, the merge and the probe each decide from it whether to retry, look the
 * engine up again or give up; each with its own {@link RetryPolicy}.
 */
public enum CallFailure {

  /**
   * The engine refused the call ({@link RedditException}); a retry would be refused again. That
   * includes {@link org.redditclone.api.StorageFailedException}: the engine's journal failed, the
   * change was not made, and the engine refuses every call until it stops, so it is no transport
   * failure to retry through.
   */
  REFUSED,

  /**
   * The call never reached the engine: no connection could be made ({@link ConnectException},
   * {@link ConnectIOException}, including a failed TLS handshake, or {@link
   * UnknownHostException}). Nothing was applied.
   */
  NOT_CONNECTED,

  /**
   * The stub's object is no longer exported ({@link NoSuchObjectException}): the engine behind
   * it stopped or restarted. Nothing was applied; the stubs must be looked up again.
   */
  STALE_STUB,

  /**
   * The connection broke in the middle of the call (a marshalling error caused by {@link
   * EOFException} or {@link SocketException}): the engine may or may not have applied it.
   */
  DROPPED,

  /**
   * Any other failure: the call reached the engine and failed for a reason a retry does not cure,
   * such as a class the serial filter rejected or an error thrown inside the engine.
   */
  OTHER;

  /** Returns the kind of {@code failure}. */
  public static CallFailure of(Throwable failure) {
    if (failure instanceof RedditException) {
      return REFUSED;
    }
    if (failure instanceof ConnectException
        || failure instanceof ConnectIOException
        || failure instanceof UnknownHostException) {
      return NOT_CONNECTED;
    }
    if (failure instanceof NoSuchObjectException) {
      return STALE_STUB;
    }
    if (failure instanceof UnmarshalException || failure instanceof MarshalException) {
      // Only a dead socket; a rejected class (InvalidClassException) is no connection problem.
      Throwable cause = failure.getCause();
      if (cause instanceof EOFException || cause instanceof SocketException) {
        return DROPPED;
      }
    }
    return OTHER;
  }

  /** Returns whether the engine could not be reached at all: not connected or a stale stub. */
  public boolean unreachable() {
    return this == NOT_CONNECTED || this == STALE_STUB;
  }

  /**
   * Returns whether the engine or its socket is gone, so that the stubs should be looked up
   * again: unreachable, or dropped in the middle of the call.
   */
  public boolean connectionLost() {
    return unreachable() || this == DROPPED;
  }
}
