package org.redditclone.client.connect;

import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import org.redditclone.api.Bindings;
import org.redditclone.api.CommentService;
import org.redditclone.api.FeedService;
import org.redditclone.api.MessageService;
import org.redditclone.api.PostService;
import org.redditclone.api.RunCoordinator;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;
import org.redditclone.rmi.RmiTls;

/**
 * The one way the client finds the engine: its registry, over TLS when asked, and every service
 * stub bound there. The CLI, the simulator, the merge and the probe all come through here, so
 * that TLS and the check of what the registry hands out ({@link EngineStubCheck}) cannot be
 * forgotten on one path. A client JVM finds its run's coordinator here too ({@link #coordinator}).
 */
public final class EngineLookup {

  /** Turns on TLS with a client certificate; the servers read the same name. */
  public static final String TLS_PROPERTY = RmiTls.PROPERTY;

  private EngineLookup() {}

  /**
   * Returns the registry at {@code address}. With {@code -Dredditclone.tls=true} (scripts: {@code
   * --tls DIR}) it is reached over TLS, keys and trust from the {@code javax.net.ssl.*}
   * properties; the stubs it returns carry their own TLS socket factory.
   */
  public static Registry registry(RegistryAddress address) throws RemoteException {
    return Boolean.getBoolean(TLS_PROPERTY)
        ? LocateRegistry.getRegistry(address.host(), address.port(), new SslRMIClientSocketFactory())
        : LocateRegistry.getRegistry(address.host(), address.port());
  }

  /**
   * Returns the run coordinator bound in the registry at {@code address} (its own registry, the
   * address a client gets as {@code --coordinator}), over TLS when asked.
   *
   * @throws AlteredRegistryException if the entry is not a {@link RunCoordinator}
   * @throws RemoteException if the registry does not answer
   * @throws NotBoundException if no coordinator is bound there (it has ended)
   */
  public static RunCoordinator coordinator(RegistryAddress address) throws RemoteException, NotBoundException {
    Object found = registry(address).lookup(Bindings.COORDINATOR);
    if (!(found instanceof RunCoordinator coordinator)) {
      throw new AlteredRegistryException("registry entry " + Bindings.COORDINATOR + " at " + address
          + " is not a run coordinator (found " + found.getClass().getName() + ")");
    }
    return coordinator;
  }

  /**
   * Returns the stubs of every engine service bound in the registry at {@code address}, each
   * checked by {@link EngineStubCheck} to be the engine's.
   *
   * @throws AlteredRegistryException if the registry holds something else than the engine's
   *     services under their names (not worth retrying)
   * @throws RemoteException if the registry does not answer
   * @throws NotBoundException if a service is not bound (the engine is not up yet)
   */
  public static EngineStubs stubs(RegistryAddress address) throws RemoteException, NotBoundException {
    Registry registry = registry(address);
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
