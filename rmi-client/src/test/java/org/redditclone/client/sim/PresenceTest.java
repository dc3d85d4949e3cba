package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.Message;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.Page;
import org.redditclone.api.Session;

/** Users going offline and online, and catching up, against a faked engine. */
final class PresenceTest {

  private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

  @TempDir Path dir;
  private SimFixture sim;

  @BeforeEach
  void setUp() throws Exception {
    sim = new SimFixture(dir);
    sim.engine.returning("UserService.goOffline", null);
    sim.engine.returning("UserService.goOnline", null);
    sim.engine.returning("MessageService.inbox", new Page<Message>(List.of(), null));
  }

  @AfterEach
  void close() throws Exception {
    sim.close();
  }

  @Test
  void anOfflineMeanOfZero_meansNobodyEverGoesOffline() throws Exception {
    OnlineUsers online = new OnlineUsers(2);
    SimUser[] users = sim.onlineUsers(2, online);
    Presence presence = new Presence(users, online, sim.behaviour, sim.calls, MILLI, 0, new Randoms(1), 1);
    assertFalse(presence.churns());
    presence.start();
    presence.stop();
    assertEquals(0, sim.engine.calls().size());
    assertEquals(2, online.size());
  }

  @Test
  void usersAlternate_tellTheEngine_andCatchUpWhenBack_theOnlineSetFollowing() throws Exception {
    OnlineUsers online = new OnlineUsers(3);
    SimUser[] users = sim.onlineUsers(3, online);
    SimUser never = new SimUser(3, "u1_abcd_3"); // not set up: never churned
    SimUser[] all = {users[0], users[1], users[2], never};
    Presence presence = new Presence(all, online, sim.behaviour, sim.calls, MILLI, MILLI, new Randoms(1), 2);
    presence.start();
    SimFixture.await(() -> sim.engine.count("UserService.goOnline") >= 6);
    presence.stop();

    assertTrue(sim.engine.count("UserService.goOffline") >= 6);
    assertTrue(sim.engine.count("MessageService.inbox") >= 1, "caught up after coming back");
    assertTrue(sim.engine.calls().stream().noneMatch(c -> c.startsWith("UserService.go") && c.endsWith("(null)")),
        "only set-up users churn");
    for (SimUser u : users) {
      synchronized (u) {
        boolean listed = false;
        for (int i = 0; i < 1_000 && !listed; i++) {
          listed = online.random(new java.util.SplittableRandom(i)) == u.index;
        }
        assertEquals(u.online, listed, "user " + u.index + " online=" + u.online);
      }
    }
  }

  @Test
  void aSessionTheEngineRefusesOnReturn_isRenewedByLoggingIn() throws Exception {
    OnlineUsers online = new OnlineUsers(1);
    SimUser[] users = sim.onlineUsers(1, null);
    users[0].online = false;
    sim.engine.on("UserService.goOnline", args -> {
      throw new NotAuthorizedException("session expired");
    });
    sim.engine.on("UserService.login", args -> new Session("fresh", (String) args[0]));
    Presence presence = new Presence(users, online, sim.behaviour, sim.calls, TimeUnit.HOURS.toNanos(1),
        MILLI, new Randoms(1), 1);
    presence.start();
    SimFixture.await(() -> sim.engine.count("UserService.login") >= 1);
    presence.stop();
    assertEquals("fresh", users[0].token);
    assertTrue(users[0].online, "presence is the user's intent");
    assertEquals(1, online.size());
  }
}
