package org.redditclone.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Bindings;
import org.redditclone.api.Caller;
import org.redditclone.api.EngineStats;
import org.redditclone.api.Page;
import org.redditclone.api.StatsService;
import org.redditclone.api.Subreddit;
import org.redditclone.api.SubredditOrder;
import org.redditclone.api.SubredditService;
import org.redditclone.api.WriteCounts;
import org.redditclone.client.connect.EngineStubs;
import org.redditclone.client.connect.RegistryAddress;
import org.redditclone.client.testing.FakeEngine;

final class ConnectedEngineTest {

  private final List<java.rmi.Remote> exported = new ArrayList<>();
  private Registry registry;

  @AfterEach
  void unexport() throws NoSuchObjectException {
    for (java.rmi.Remote remote : exported) {
      UnicastRemoteObject.unexportObject(remote, true);
    }
    if (registry != null) {
      UnicastRemoteObject.unexportObject(registry, true);
    }
  }

  @Test
  void lookup_readsTheStatsAndPagesThroughSubredditsUpToTheLimit_andThroughUsersCountsToTheEnd() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    registry = LocateRegistry.createRegistry(port);
    StatsService stats = new StatsService() {
      @Override
      public EngineStats stats() {
        return new EngineStats(1, 2, 3, 4, 5, 6, 7, 8, 9, Map.of(), 0, 0, 0);
      }

      @Override
      public Page<WriteCounts> writeCounts(String prefix, String cursor, int limit) {
        int from = cursor == null ? 0 : Integer.parseInt(cursor.substring(prefix.length()));
        int to = Math.min(250, from + limit);
        List<WriteCounts> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
          items.add(new WriteCounts(prefix + i, i, 0, 0, 0, 1, 0));
        }
        return new Page<>(items, to < 250 ? prefix + to : null);
      }

      @Override
      public void ping() {}
    };
    SubredditService subreddits = new PagedSubreddits(250);
    EngineStubs others = new FakeEngine().stubs();
    bind(Bindings.STATS, stats);
    bind(Bindings.SUBREDDITS, subreddits);
    bind(Bindings.USERS, others.users());
    bind(Bindings.POSTS, others.posts());
    bind(Bindings.COMMENTS, others.comments());
    bind(Bindings.FEED, others.feed());
    bind(Bindings.MESSAGES, others.messages());

    ConnectedEngine engine = ConnectedEngine.at(new RegistryAddress("127.0.0.1", port));
    assertEquals(4, engine.stats().posts());
    List<Subreddit> top = engine.subredditsByMembers(230);
    assertEquals(230, top.size());
    assertEquals("s0", top.get(0).name());
    assertEquals("s229", top.get(229).name());
    assertEquals(250, engine.subredditsByMembers(1_000).size());
    List<WriteCounts> users = engine.writeCounts("u1_k3x9_");
    assertEquals(250, users.size(), "every page");
    assertEquals(new WriteCounts("u1_k3x9_249", 249, 0, 0, 0, 1, 0), users.get(249));
  }

  private void bind(String name, java.rmi.Remote service) throws Exception {
    exported.add(service);
    registry.rebind(name, UnicastRemoteObject.exportObject(service, 0));
  }

  /** Subreddits s0..s(n-1), most members first, in pages whose cursor is the next index. */
  private record PagedSubreddits(int n) implements SubredditService {
    @Override
    public Page<Subreddit> list(SubredditOrder order, String cursor, int limit) {
      int from = cursor == null ? 0 : Integer.parseInt(cursor);
      int to = Math.min(n, from + limit);
      List<Subreddit> items = new ArrayList<>();
      for (int i = from; i < to; i++) {
        items.add(new Subreddit("s" + i, "", "u", 0, n - i));
      }
      return new Page<>(items, to < n ? Integer.toString(to) : null);
    }

    @Override
    public Subreddit create(Caller caller, String name, String description) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Subreddit join(Caller caller, String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Subreddit leave(Caller caller, String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Subreddit get(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Subreddit> joined(String token) {
      throw new UnsupportedOperationException();
    }
  }
}
