package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.rmi.ConnectException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.AlreadyExistsException;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.Session;
import org.redditclone.api.Subreddit;

/** The setup phase's decisions against a faked engine. */
final class SetupTest {

  @TempDir Path dir;
  private SimFixture sim;
  private final OnlineUsers online = new OnlineUsers(2);
  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> registerCalls = new ConcurrentHashMap<>();
  private SimUser[] users;
  private Setup setup;

  @BeforeEach
  void setUp() throws Exception {
    sim = new SimFixture(dir);
    users = new SimUser[] {new SimUser(0, "u1_abcd_0"), new SimUser(1, "u1_abcd_1")};
    setup = new Setup(sim.calls, sim.behaviour, sim.tally, sim.world, online, 99);
    sim.engine.on("UserService.login", args -> new Session("tok-" + args[0], (String) args[0]));
    sim.engine.on("SubredditService.create", args -> {
      String name = (String) args[1];
      if (!created.add(name)) {
        throw new AlreadyExistsException("subreddit '" + name + "' exists");
      }
      return new Subreddit(name, "", "x", 0, 1);
    });
    sim.engine.on("SubredditService.join", args -> new Subreddit((String) args[1], "", "x", 0, 2));
    sim.engine.returning("UserService.goOnline", null);
  }

  @AfterEach
  void close() throws Exception {
    sim.close();
  }

  private Set<Integer> joined(SimUser u) {
    Set<Integer> ranks = new HashSet<>();
    for (int i = 0; i < u.joinedCount(); i++) {
      ranks.add(u.joinedRanks()[i]);
    }
    return ranks;
  }

  @Test
  void everyUserRegisters_logsIn_joinsCreatingWhatNobodyCreated_andGoesOnlineIfItStartsSo()
      throws Exception {
    sim.engine.on("UserService.register", args -> {
      if (registerCalls.merge((String) args[0], 1, Integer::sum) == 1 && args[0].equals("u1_abcd_0")) {
        throw new ConnectException("the engine refused the connection for a moment");
      }
      return null;
    });
    setup.run(users, new int[][] {{1, 2}, {2}}, new boolean[] {true, false}, 1);

    assertEquals(2, setup.done());
    assertEquals(2, registerCalls.get("u1_abcd_0"), "registration retried after a transport failure");
    assertEquals("tok-u1_abcd_0", users[0].token);
    assertTrue(users[0].registered && users[1].registered);
    assertEquals(Set.of(1, 2), joined(users[0]));
    assertEquals(Set.of(2), joined(users[1]));
    assertEquals(2, users[0].acked().subreddits(), "the first user created both");
    assertEquals(0, users[1].acked().subreddits());
    assertEquals(2, users[0].acked().memberships(), "creators' joins included");
    assertEquals(1, users[1].acked().memberships());
    assertEquals(1, sim.engine.count("SubredditService.join"), "the second joined what exists");
    assertTrue(users[0].online);
    assertFalse(users[1].online);
    assertEquals(1, online.size());
    assertEquals(1, sim.engine.count("UserService.goOnline"));
  }

  @Test
  void aUserRegisteredBefore_isReused_andJoinsOnlyWhatItLacks() throws Exception {
    sim.engine.on("UserService.register", args -> {
      throw new AlreadyExistsException("user exists");
    });
    sim.engine.returning("SubredditService.joined", List.of(new Subreddit("sim_r00002", "", "x", 0, 5)));
    setup.run(new SimUser[] {users[0]}, new int[][] {{1, 2}}, new boolean[] {false}, 1);

    assertEquals(1, sim.tally.reusedUsers.sum());
    assertEquals(Set.of(1, 2), joined(users[0]));
    assertEquals(1, users[0].acked().memberships(), "only the new membership counts");
    assertTrue(sim.world.exists(2));
    assertEquals(1, sim.engine.count("SubredditService.create"));
    assertEquals(0, sim.engine.count("SubredditService.join"));
  }

  @Test
  void aUserThatCannotLogIn_sitsTheRunOut() throws Exception {
    sim.engine.returning("UserService.register", null);
    sim.engine.on("UserService.login", args -> {
      throw new NotAuthorizedException("wrong password");
    });
    setup.run(new SimUser[] {users[0]}, new int[][] {{1}}, new boolean[] {true}, 1);

    assertEquals(3, sim.engine.count("UserService.login"), "three attempts");
    assertEquals(1, sim.tally.failedUsers.sum());
    assertFalse(users[0].registered);
    assertNull(users[0].token);
    assertEquals(0, online.size());
    assertEquals(0, sim.engine.count("SubredditService.create"));
  }
}
