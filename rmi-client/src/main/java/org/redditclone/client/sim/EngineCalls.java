package org.redditclone.client.sim;

import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redditclone.api.Caller;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.RedditException;
import org.redditclone.api.StorageFailedException;
import org.redditclone.client.connect.CallFailure;
import org.redditclone.client.connect.EngineConnection;
import org.redditclone.client.connect.EngineStubs;
import org.redditclone.client.connect.RetryPolicy;
import org.redditclone.client.metrics.ClientMetrics;
import org.redditclone.client.metrics.Op;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one remote call and records it: success or error, under its operation, with its latency
 * measured from the time the caller gives (the planned time in the open loop).
 *
 * <p>A domain error is recorded and rethrown, so that the caller can react (log in again, create
 * a missing subreddit). A {@link RemoteException} is recorded and swallowed: the call returns
 * null. If it says the connection is lost, one background thread looks the engine up again
 * ({@link EngineConnection#reconnect}) with growing pauses while the others keep failing fast.
 *
 * <p>A call that changes state goes through {@link #change} instead: it carries a {@link Caller}
 * drawn once, and after a transport failure it is made again with the same one, with growing
 * pauses, until it gets an answer or {@link #CHANGE_RETRIES} gives up. The engine applies a
 * request id at most once and answers a repeat with the first result, so a change whose reply was
 * lost (the engine died after applying it) is neither applied twice nor left unacknowledged: what
 * the client tallies equals what the engine counts, through engine restarts. Every failed attempt
 * is recorded as an error; the answer's latency runs from the planned time, outage included.
 */
final class EngineCalls {

  /** One remote call against the current stubs. */
  @FunctionalInterface
  interface RemoteCall<T> {
    T call(EngineStubs stubs) throws RedditException, RemoteException;
  }

  /** One state-changing remote call against the current stubs, made as {@code caller}. */
  @FunctionalInterface
  interface ChangeCall<T> {
    T call(EngineStubs stubs, Caller caller) throws RedditException, RemoteException;
  }

  /** Logs the user in again and returns the new token, or null if that failed. */
  @FunctionalInterface
  interface Relogin {
    String token();
  }

  /** How a state-changing call keeps trying through transport failures: 30 s at most. */
  static final RetryPolicy CHANGE_RETRIES =
      RetryPolicy.pauses(Duration.ofMillis(100), Duration.ofSeconds(2)).within(Duration.ofSeconds(30));
  /** How the background thread looks for a lost engine: until it is found or the client stops. */
  static final RetryPolicy RECONNECT_RETRIES =
      RetryPolicy.pauses(Duration.ofMillis(250), Duration.ofSeconds(5));
  /** How long one lookup of the reconnect thread keeps trying before it logs and pauses. */
  private static final Duration RECONNECT_PATIENCE = Duration.ofSeconds(10);
  /** The pause after the engine is found again: the registry may still hand out a dead engine's stubs. */
  private static final Duration AFTER_RECONNECT = Duration.ofMillis(500);

  private static final Logger log = LoggerFactory.getLogger(EngineCalls.class);

  private final EngineConnection connection;
  private final ClientMetrics metrics;
  private final int clientId;
  private final RetryPolicy changeRetries;
  private final AtomicBoolean reconnecting = new AtomicBoolean();
  private final AtomicBoolean storageFailureLogged = new AtomicBoolean();
  private volatile boolean stopped;

  EngineCalls(EngineConnection connection, ClientMetrics metrics, int clientId) {
    this(connection, metrics, clientId, CHANGE_RETRIES);
  }

  /** Returns calls whose changes retry by {@code changeRetries} (tests give short ones). */
  EngineCalls(EngineConnection connection, ClientMetrics metrics, int clientId,
      RetryPolicy changeRetries) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clientId = clientId;
    this.changeRetries = Objects.requireNonNull(changeRetries, "changeRetries");
  }

  /**
   * Returns the call's result, or null if it failed with a {@link RemoteException}.
   *
   * @param startNanos {@link System#nanoTime()} the latency is measured from
   * @throws RedditException the engine's refusal, after it was recorded as an error
   */
  <T> T call(Op op, long startNanos, RemoteCall<T> call) throws RedditException {
    return call(op, startNanos, null, call);
  }

  /**
   * Like {@link #call(Op, long, RemoteCall)}, but an error of kind {@code expected} counts as a
   * success in the metrics (it is the outcome the caller wanted, such as "already exists" for a
   * subreddit another client created first); it is still rethrown.
   */
  <T> T call(Op op, long startNanos, Class<? extends RedditException> expected, RemoteCall<T> call)
      throws RedditException {
    EngineStubs stubs = connection.stubs();
    try {
      T result = call.call(stubs);
      metrics.recordSuccess(op, System.nanoTime() - startNanos);
      return result;
    } catch (RedditException e) {
      throw refused(op, startNanos, expected, e);
    } catch (RemoteException e) {
      if (!transportFailed(op, startNanos, stubs, e)) {
        log.debug("client {}: {} failed: {}", clientId, op, e.toString());
      }
      return null;
    } catch (RuntimeException e) {
      unexpected(op, startNanos, e);
      return null;
    }
  }

  /**
   * Returns the answer of a state-changing call made as a new {@link Caller} of {@code token},
   * retried with that same caller after transport failures (see the class comment), or null if
   * no attempt got an answer before the retries gave up. An error of kind {@code expected}
   * counts as a success, as in {@link #call(Op, long, Class, RemoteCall)}. If a retry finds the
   * session gone, {@code relogin} logs in again once and the same request is made with the new
   * token.
   *
   * @throws RedditException the engine's refusal, after it was recorded as an error
   */
  <T> T change(Op op, long startNanos, Class<? extends RedditException> expected, String token,
      Relogin relogin, ChangeCall<T> call) throws RedditException {
    Caller caller = Caller.of(token);
    RetryPolicy.Retry retry = changeRetries.start();
    int attempts = 0;
    boolean reloggedIn = false;
    while (true) {
      attempts++;
      EngineStubs stubs = connection.stubs();
      try {
        T result = call.call(stubs, caller);
        metrics.recordSuccess(op, System.nanoTime() - startNanos);
        if (attempts > 1) {
          log.debug("client {}: {} answered at attempt {} (request {})", clientId, op, attempts,
              caller.requestId());
        }
        return result;
      } catch (NotAuthorizedException e) {
        if (attempts > 1 && !reloggedIn) {
          // The session may have gone with the engine: log in and repeat the same request.
          reloggedIn = true;
          String fresh = relogin.token();
          if (fresh != null) {
            caller = caller.withToken(fresh);
            continue;
          }
        }
        metrics.recordError(op, e.getClass().getSimpleName(), System.nanoTime() - startNanos);
        throw e;
      } catch (RedditException e) {
        throw refused(op, startNanos, expected, e);
      } catch (RemoteException e) {
        transportFailed(op, startNanos, stubs, e);
        log.debug("client {}: {} attempt {} failed: {}", clientId, op, attempts, e.toString());
        try {
          if (stopped || !retry.pause()) {
            log.warn("client {}: {} gave up after {} attempts in {} s (request {}): {}", clientId,
                op, attempts, retry.elapsed().toSeconds(), caller.requestId(), e.toString());
            return null;
          }
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return null;
        }
      } catch (RuntimeException e) {
        unexpected(op, startNanos, e);
        return null;
      }
    }
  }

  /**
   * Records the engine's refusal, as a success if it is of kind {@code expected}, and returns it
   * for the caller to throw. The first {@link StorageFailedException} is logged as a warning: the
   * engine cannot save changes and is stopping, which the run's errors then show as that kind.
   */
  private RedditException refused(Op op, long startNanos,
      Class<? extends RedditException> expected, RedditException e) {
    long latency = System.nanoTime() - startNanos;
    if (expected != null && expected.isInstance(e)) {
      metrics.recordSuccess(op, latency);
    } else {
      metrics.recordError(op, e.getClass().getSimpleName(), latency);
    }
    if (e instanceof StorageFailedException && storageFailureLogged.compareAndSet(false, true)) {
      log.warn("client {}: {} refused: {}", clientId, op, e.getMessage());
    }
    return e;
  }

  /**
   * Records a transport failure and, if it means the engine is lost, starts looking for it
   * again; returns whether it did.
   */
  private boolean transportFailed(Op op, long startNanos, EngineStubs stubs, RemoteException e) {
    metrics.recordError(op, e.getClass().getSimpleName(), System.nanoTime() - startNanos);
    if (CallFailure.of(e).connectionLost()) {
      connectionLost(stubs, e);
      return true;
    }
    return false;
  }

  /** Records a broken stub or a bug of ours: it must not end the run, so it shows as an error. */
  private void unexpected(Op op, long startNanos, RuntimeException e) {
    metrics.recordError(op, e.getClass().getSimpleName(), System.nanoTime() - startNanos);
    log.warn("client {}: {} failed unexpectedly", clientId, op, e);
  }

  /** Records a planned call that was never made, as an error of kind {@code why}. */
  /** Records how late a planned action started: now minus its planned time (the schedule lag). */
  void recordStart(long plannedNanos) {
    metrics.recordLag(System.nanoTime() - plannedNanos);
  }

  void recordNotRun(Op op, String why, long plannedNanos) {
    metrics.recordError(op, why, System.nanoTime() - plannedNanos);
  }

  /** Stops any reconnect loop; calls after this still run. */
  void stop() {
    stopped = true;
  }

  private void connectionLost(EngineStubs seen, RemoteException e) {
    if (stopped || !reconnecting.compareAndSet(false, true)) {
      return;
    }
    log.warn("client {}: lost the engine at {} ({}); looking it up again",
        clientId, connection.where(), e.toString());
    Thread t = new Thread(() -> reconnectLoop(seen), "sim-reconnect-" + clientId);
    t.setDaemon(true);
    t.start();
  }

  private void reconnectLoop(EngineStubs seen) {
    try {
      RetryPolicy.Retry retry = RECONNECT_RETRIES.start();
      while (!stopped) {
        try {
          connection.reconnect(seen, RECONNECT_PATIENCE);
          log.info("client {}: engine found again at {}", clientId, connection.where());
          // The registry may still hand out the stubs of a dead engine: pause before a new attempt.
          Thread.sleep(AFTER_RECONNECT.toMillis());
          return;
        } catch (RemoteException | NotBoundException e) {
          log.warn("client {}: engine at {} still unreachable: {}",
              clientId, connection.where(), e.toString());
          retry.pause();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      reconnecting.set(false);
    }
  }
}
