package org.redditclone.client.connect;

import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.time.Duration;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.redditclone.api.Bindings;
import org.redditclone.api.CommentService;
import org.redditclone.api.FeedService;
import org.redditclone.api.MessageService;
import org.redditclone.api.PostService;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stubs of one engine, found in its registry, and the means to find them again.
 *
 * <p>Stubs are shared by every thread of the client. When the engine restarts, its old stubs
 * fail with {@code NoSuchObjectException} or {@code ConnectException}; {@link #reconnect()}
 * looks them up anew, and every caller sees the new ones through {@link #stubs()}.
 */
public final class EngineConnection {

  private static final Logger log = LoggerFactory.getLogger(EngineConnection.class);

  /** Turns on TLS with a client certificate; the engine's RmiTls reads the same name. */
  public static final String TLS_PROPERTY = "redditclone.tls";

  private final RegistryAddress address;
  private volatile EngineStubs stubs;

  private EngineConnection(RegistryAddress address, EngineStubs stubs) {
    this.address = address;
    this.stubs = stubs;
  }

  /**
   * Returns a connection whose stubs were looked up once.
   *
   * @throws RemoteException if the registry does not answer, or {@link AlteredRegistryException} if
   *     it holds something else than the engine's services
   * @throws NotBoundException if a service is not bound (the engine is not up yet)
   */
  public static EngineConnection connect(RegistryAddress address)
      throws RemoteException, NotBoundException {
    Objects.requireNonNull(address, "address");
    return new EngineConnection(address, lookup(address));
  }

  /**
   * Returns a connection, retrying the lookup with growing pauses until {@code patience} is
   * spent.
   *
   * @throws RemoteException or NotBoundException of the last attempt when patience runs out; an
   *     {@link AlteredRegistryException} at once
   * @throws InterruptedException if interrupted while waiting
   */
  public static EngineConnection connect(RegistryAddress address, Duration patience)
      throws RemoteException, NotBoundException, InterruptedException {
    EngineConnection connection = new EngineConnection(address, null);
    connection.reconnect(patience);
    return connection;
  }

  /** Returns the registry address this connection looks services up in. */
  public RegistryAddress address() {
    return address;
  }

  /** Returns the current stubs. */
  public EngineStubs stubs() {
    return stubs;
  }

  public UserService users() {
    return stubs.users();
  }

  public SubredditService subreddits() {
    return stubs.subreddits();
  }

  public PostService posts() {
    return stubs.posts();
  }

  public CommentService comments() {
    return stubs.comments();
  }

  public FeedService feed() {
    return stubs.feed();
  }

  public MessageService messages() {
    return stubs.messages();
  }

  public StatsService stats() {
    return stubs.stats();
  }

  /**
   * Looks every service up again, retrying with backoff (50 ms doubling to 2 s) until
   * {@code patience} is spent; concurrent callers share one attempt's result.
   *
   * @param seenStubs the stubs the caller saw fail; if they were already replaced, returns at once
   */
  public synchronized void reconnect(EngineStubs seenStubs, Duration patience)
      throws RemoteException, NotBoundException, InterruptedException {
    if (stubs != seenStubs) {
      return;
    }
    reconnect(patience);
  }

  private synchronized void reconnect(Duration patience)
      throws RemoteException, NotBoundException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    long pauseMillis = 50;
    int attempt = 0;
    while (true) {
      attempt++;
      try {
        stubs = lookup(address);
        if (attempt > 1) {
          log.info("found the engine again at {} after {} attempts", address, attempt);
        }
        return;
      } catch (AlteredRegistryException e) {
        throw e; // not an engine on its way up: a stranger's object, which waiting does not make the engine's
      } catch (RemoteException | NotBoundException e) {
        if (System.nanoTime() + pauseMillis * 1_000_000L > deadline) {
          throw e;
        }
        log.debug("engine at {} not found (attempt {}): {}", address, attempt, e.toString());
        Thread.sleep(pauseMillis);
        pauseMillis = Math.min(pauseMillis * 2, 2_000);
      }
    }
  }

  private static EngineStubs lookup(RegistryAddress address)
      throws RemoteException, NotBoundException {
    // With -Dredditclone.tls=true (scripts: --tls DIR) the registry is reached over TLS too; the
    // stubs it returns carry their own TLS socket factory. Keys: the javax.net.ssl.* properties.
    Registry registry = Boolean.getBoolean(TLS_PROPERTY)
        ? LocateRegistry.getRegistry(address.host(), address.port(), new SslRMIClientSocketFactory())
        : LocateRegistry.getRegistry(address.host(), address.port());
    Map<String, Object> found = new LinkedHashMap<>();
    for (String name : Bindings.ALL) {
      found.put(name, EngineStubCheck.lookup(registry, name));
    }
    Map<String, Object> checked = EngineStubCheck.verify(found); // each stub the engine's, or one clear error
    return new EngineStubs(
        (UserService) checked.get(Bindings.USERS),
        (SubredditService) checked.get(Bindings.SUBREDDITS),
        (PostService) checked.get(Bindings.POSTS),
        (CommentService) checked.get(Bindings.COMMENTS),
        (FeedService) checked.get(Bindings.FEED),
        (MessageService) checked.get(Bindings.MESSAGES),
        (StatsService) checked.get(Bindings.STATS));
  }
}
