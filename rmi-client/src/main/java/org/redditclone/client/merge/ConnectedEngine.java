package org.redditclone.client.merge;

import static java.util.Objects.requireNonNull;

import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.redditclone.api.EngineStats;
import org.redditclone.api.Limits;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;
import org.redditclone.api.RedditException;
import org.redditclone.api.Subreddit;
import org.redditclone.api.SubredditOrder;
import org.redditclone.api.WriteCounts;
import org.redditclone.client.connect.CallFailure;
import org.redditclone.client.connect.EngineConnection;
import org.redditclone.client.connect.EngineLookup;
import org.redditclone.client.connect.EngineStubs;
import org.redditclone.client.connect.RegistryAddress;

/**
 * The engine an {@link EngineConnection} reaches: behind an RMI registry, looked up when first
 * needed, or in this JVM. A call that finds the engine lost is made once more after a new lookup,
 * since the merge runs right after the clients and the engine may be restarting.
 */
public final class ConnectedEngine implements LiveEngine {

  /** How long the merge looks for the engine before it gives up. */
  static final Duration LOOKUP_PATIENCE = Duration.ofSeconds(5);

  private final EngineConnection connection;

  /** Returns the engine behind the registry at {@code address}, not looked up yet. */
  public static ConnectedEngine at(RegistryAddress address) {
    return new ConnectedEngine(EngineConnection.of(address, () -> EngineLookup.stubs(address)));
  }

  /** Returns the engine {@code connection} reaches, looked up or not. */
  ConnectedEngine(EngineConnection connection) {
    this.connection = requireNonNull(connection, "connection");
  }

  @Override
  public EngineStats stats() throws RemoteException, NotBoundException {
    try {
      return call(stubs -> stubs.stats().stats());
    } catch (RedditException e) {
      throw new AssertionError("stats() declares no domain error", e);
    }
  }

  @Override
  public List<WriteCounts> writeCounts(String prefix)
      throws RemoteException, NotBoundException, RedditException {
    return call(stubs -> stubs.writeCounts(prefix));
  }

  @Override
  public List<Subreddit> subredditsByMembers(int max)
      throws RemoteException, NotBoundException, RedditException {
    if (max <= 0) {
      return List.of();
    }
    List<Subreddit> result = new ArrayList<>();
    String cursor = null;
    do {
      String from = cursor;
      int limit = Math.min(Limits.PAGE_MAX, max - result.size());
      Page<Subreddit> page = call(stubs -> stubs.subreddits().list(SubredditOrder.MEMBERS, from, limit));
      result.addAll(page.items().subList(0, Math.min(page.items().size(), max - result.size())));
      cursor = page.nextCursor();
    } while (cursor != null && result.size() < max);
    return result;
  }

  @Override
  public long posts(String subreddit) throws RemoteException, NotBoundException, RedditException {
    long count = 0;
    String cursor = null;
    do {
      String from = cursor;
      Page<Post> page = call(stubs ->
          stubs.posts().listing(subreddit, PostSort.NEW.ordinal(), from, Limits.PAGE_MAX));
      count += page.items().size();
      cursor = page.nextCursor();
    } while (cursor != null);
    return count;
  }

  @Override
  public String toString() {
    return connection.isInProcess() ? "the engine in this JVM" : "the engine at " + connection.where();
  }

  private interface Call<T> {
    T call(EngineStubs stubs) throws RemoteException, RedditException;
  }

  private synchronized <T> T call(Call<T> call)
      throws RemoteException, NotBoundException, RedditException {
    try {
      if (connection.stubs() == null) {
        connection.reconnect(null, LOOKUP_PATIENCE);
      }
      EngineStubs stubs = connection.stubs();
      try {
        return call.call(stubs);
      } catch (RemoteException e) {
        if (!CallFailure.of(e).connectionLost()) {
          throw e;
        }
        connection.reconnect(stubs, LOOKUP_PATIENCE);
        return call.call(connection.stubs());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteException("interrupted while looking for " + this, e);
    }
  }
}
