package org.redditclone.client.merge;

import static java.util.Objects.requireNonNull;

import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redditclone.api.Bindings;
import org.redditclone.api.EngineStats;
import org.redditclone.api.Limits;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostService;
import org.redditclone.api.PostSort;
import org.redditclone.api.RedditException;
import org.redditclone.api.StatsService;
import org.redditclone.api.Subreddit;
import org.redditclone.api.SubredditOrder;
import org.redditclone.api.SubredditService;
import org.redditclone.client.connect.EngineStubCheck;
import org.redditclone.client.connect.RegistryAddress;

/** The engine behind an RMI registry; each service is looked up when first needed. */
final class RmiEngine implements Engine {

  private final RegistryAddress address;

  RmiEngine(RegistryAddress address) {
    this.address = requireNonNull(address, "address");
  }

  @Override
  public EngineStats stats() throws RemoteException, NotBoundException {
    return lookup(Bindings.STATS, StatsService.class).stats();
  }

  @Override
  public List<Subreddit> subredditsByMembers(int max)
      throws RemoteException, NotBoundException, RedditException {
    if (max <= 0) {
      return List.of();
    }
    SubredditService subreddits = lookup(Bindings.SUBREDDITS, SubredditService.class);
    List<Subreddit> result = new ArrayList<>();
    String cursor = null;
    do {
      Page<Subreddit> page = subreddits.list(
          SubredditOrder.MEMBERS, cursor, Math.min(Limits.PAGE_MAX, max - result.size()));
      result.addAll(page.items().subList(0, Math.min(page.items().size(), max - result.size())));
      cursor = page.nextCursor();
    } while (cursor != null && result.size() < max);
    return result;
  }

  @Override
  public long posts(String subreddit) throws RemoteException, NotBoundException, RedditException {
    PostService posts = lookup(Bindings.POSTS, PostService.class);
    long count = 0;
    String cursor = null;
    do {
      Page<Post> page = posts.listing(subreddit, PostSort.NEW, cursor, Limits.PAGE_MAX);
      count += page.items().size();
      cursor = page.nextCursor();
    } while (cursor != null);
    return count;
  }

  @Override
  public String toString() {
    return "the engine at " + address;
  }

  private <T> T lookup(String name, Class<T> type) throws RemoteException, NotBoundException {
    Registry registry = LocateRegistry.getRegistry(address.host(), address.port());
    Object found = EngineStubCheck.lookup(registry, name);
    return type.cast(EngineStubCheck.verify(Map.of(name, found)).get(name)); // the engine's, or one clear error
  }
}
