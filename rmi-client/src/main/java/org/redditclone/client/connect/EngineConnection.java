package org.redditclone.client.connect;

import static java.util.Objects.requireNonNull;

import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stubs of one engine and the means to find them again.
 *
 * <p>Stubs are shared by every thread of the client. When the engine restarts, its old stubs
 * fail ({@link CallFailure#connectionLost()}); {@link #reconnect} looks them up anew, and every
 * caller sees the new ones through {@link #stubs()}.
 */
public final class EngineConnection {

  /** Finds the engine's stubs; {@link EngineLookup#stubs} for a real engine. */
  @FunctionalInterface
  public interface Lookup {
    EngineStubs stubs() throws RemoteException, NotBoundException;
  }

  /** The pauses between lookups; each caller gives its own patience. */
  static final RetryPolicy LOOKUP_PAUSES =
      RetryPolicy.pauses(Duration.ofMillis(50), Duration.ofSeconds(2));

  /** What {@link #where()} says of an engine in this JVM. */
  public static final String IN_PROCESS = "in-process";

  private static final Logger log = LoggerFactory.getLogger(EngineConnection.class);

  private final RegistryAddress address; // null for an engine in this JVM
  private final Lookup lookup;
  private volatile EngineStubs stubs;

  private EngineConnection(RegistryAddress address, Lookup lookup) {
    this.address = address;
    this.lookup = requireNonNull(lookup, "lookup");
  }

  /**
   * Returns a connection whose stubs were looked up once.
   *
   * @throws RemoteException if the registry does not answer
   * @throws NotBoundException if a service is not bound (the engine is not up yet)
   */
  public static EngineConnection connect(RegistryAddress address)
      throws RemoteException, NotBoundException {
    EngineConnection connection = of(address, () -> EngineLookup.stubs(address));
    connection.stubs = connection.lookup.stubs();
    return connection;
  }

  /**
   * Returns a connection, retrying the lookup with growing pauses until {@code patience} is
   * spent.
   *
   * @throws RemoteException or NotBoundException of the last attempt when patience runs out
   * @throws InterruptedException if interrupted while waiting
   */
  public static EngineConnection connect(RegistryAddress address, Duration patience)
      throws RemoteException, NotBoundException, InterruptedException {
    EngineConnection connection = of(address, () -> EngineLookup.stubs(address));
    connection.lookUp(patience);
    return connection;
  }

  /**
   * Returns a connection to the engine {@code lookup} finds, not yet looked up: an engine faked
   * at its Remote interfaces in tests, or one in this JVM. Its first {@link #reconnect} finds it.
   *
   * @param address where the engine is said to be, for messages and the run files
   */
  public static EngineConnection of(RegistryAddress address, Lookup lookup) {
    return new EngineConnection(requireNonNull(address, "address"), lookup);
  }

  /**
   * Returns a connection to the engine in this JVM whose service objects {@code stubs} holds:
   * calls reach them directly, with no RMI. Already looked up; {@link #reconnect} finds the same.
   */
  public static EngineConnection inProcess(EngineStubs stubs) {
    requireNonNull(stubs, "stubs");
    EngineConnection connection = new EngineConnection(null, () -> stubs);
    connection.stubs = stubs;
    return connection;
  }

  /** Returns whether the engine runs in this JVM ({@link #inProcess}), not behind a registry. */
  public boolean isInProcess() {
    return address == null;
  }

  /**
   * Returns where the engine is, for messages and the run files: its registry's {@code HOST:PORT},
   * or {@value #IN_PROCESS}.
   */
  public String where() {
    return address == null ? IN_PROCESS : address.toString();
  }

  /** Returns the current stubs, null before the first lookup. */
  public EngineStubs stubs() {
    return stubs;
  }

  /**
   * Looks every service up again, with {@link #LOOKUP_PAUSES} until {@code patience} is spent;
   * concurrent callers share one attempt's result.
   *
   * @param seenStubs the stubs the caller saw fail; if they were already replaced, returns at once
   * @throws RemoteException or NotBoundException of the last attempt when patience runs out
   */
  public synchronized void reconnect(EngineStubs seenStubs, Duration patience)
      throws RemoteException, NotBoundException, InterruptedException {
    if (stubs != seenStubs) {
      return;
    }
    lookUp(patience);
  }

  private synchronized void lookUp(Duration patience)
      throws RemoteException, NotBoundException, InterruptedException {
    RetryPolicy.Retry retry = LOOKUP_PAUSES.within(patience).start();
    while (true) {
      try {
        stubs = lookup.stubs();
        if (retry.failedAttempts() > 0) {
          log.info("found the engine again at {} after {} attempts", where(),
              retry.failedAttempts() + 1);
        }
        return;
      } catch (RemoteException | NotBoundException e) {
        log.debug("engine at {} not found (attempt {}): {}", where(), retry.failedAttempts() + 1,
            e.toString());
        if (!retry.pause()) {
          throw e;
        }
      }
    }
  }
}
