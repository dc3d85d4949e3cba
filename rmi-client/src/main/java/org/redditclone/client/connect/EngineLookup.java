package org.redditclone.client.connect;

import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import org.redditclone.api.Bindings;
import org.redditclone.api.CommentService;
import org.redditclone.api.FeedService;
import org.redditclone.api.MessageService;
import org.redditclone.api.PostService;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;

/**
 * The one way the client finds the engine: its registry, over TLS when asked, and every service
 * stub bound there. The CLI, the simulator, the merge and the probe all come through here, so
 * that TLS (and any check of what the registry hands out) cannot be forgotten on one path.
 */
public final class EngineLookup {

  /** Turns on TLS with a client certificate; the engine's RmiTls reads the same name. */
  public static final String TLS_PROPERTY = "redditclone.tls";

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
   * Returns the stubs of every engine service bound in the registry at {@code address}.
   *
   * @throws RemoteException if the registry does not answer
   * @throws NotBoundException if a service is not bound (the engine is not up yet)
   */
  public static EngineStubs stubs(RegistryAddress address) throws RemoteException, NotBoundException {
    Registry registry = registry(address);
    return new EngineStubs(
        (UserService) registry.lookup(Bindings.USERS),
        (SubredditService) registry.lookup(Bindings.SUBREDDITS),
        (PostService) registry.lookup(Bindings.POSTS),
        (CommentService) registry.lookup(Bindings.COMMENTS),
        (FeedService) registry.lookup(Bindings.FEED),
        (MessageService) registry.lookup(Bindings.MESSAGES),
        (StatsService) registry.lookup(Bindings.STATS));
  }
}
