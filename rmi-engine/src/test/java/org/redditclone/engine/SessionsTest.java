package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.RateLimitedException;
import org.redditclone.api.Session;
import org.redditclone.api.UserProfile;

final class SessionsTest {

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(Duration.ofMinutes(30));
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void login_returnsA256BitBase64UrlToken_andEachLoginANewOne() throws Exception {
    f.users.register("alice", "pw");
    Session s1 = f.users.login("ALICE", "pw");
    Session s2 = f.users.login("alice", "pw");
    assertEquals("alice", s1.username());
    assertEquals(32, Base64.getUrlDecoder().decode(s1.token()).length);
    assertNotEquals(s1.token(), s2.token());
    assertFalse(s1.toString().contains(s1.token()));
    assertEquals("alice", f.users.whoami(s1.token()).username());
    assertEquals("alice", f.users.whoami(s2.token()).username());
  }

  @Test
  void idleSession_expires_butAUsedOneStaysAlive() throws Exception {
    String idle = f.user("alice");
    String busy = f.users.login("alice", Fixture.PASSWORD).token();
    for (int i = 0; i < 4; i++) {
      f.clock.advance(Duration.ofMinutes(20));
      f.users.whoami(busy);
    }
    assertThrows(NotAuthorizedException.class, () -> f.users.whoami(idle));
    assertEquals("alice", f.users.whoami(busy).username());
  }

  @Test
  void sweep_endsIdleSessions() throws Exception {
    f.user("alice");
    f.user("bob");
    assertEquals(2, f.engine.stats().users());
    f.clock.advance(Duration.ofMinutes(31));
    assertEquals(2, sweep());
  }

  private int sweep() {
    // The sweeper thread runs every few minutes of real time; call the same method directly.
    return f.engine.usersForTest().sweepExpiredSessions();
  }

  @Test
  void tenFailedLogins_areRateLimited_thenAllowedAgain() throws Exception {
    f.users.register("alice", "right");
    for (int i = 0; i < 10; i++) {
      assertThrows(NotAuthorizedException.class, () -> f.users.login("alice", "wrong"));
    }
    RateLimitedException e =
        assertThrows(RateLimitedException.class, () -> f.users.login("Alice", "right"));
    assertTrue(e.getMessage().contains("'Alice'"), e.getMessage());
    f.clock.advance(Duration.ofSeconds(31));
    assertEquals("alice", f.users.login("alice", "right").username());
  }

  @Test
  void presence_isSeparateFromTheSession() throws Exception {
    String token = f.user("alice");
    assertFalse(f.users.profile("alice").online());
    f.users.goOnline(token);
    f.users.goOnline(token);
    assertEquals(1, f.stats.stats().onlineUsers());
    UserProfile p = f.users.profile("alice");
    assertTrue(p.online());
    f.users.goOffline(token);
    assertEquals(0, f.stats.stats().onlineUsers());
    assertEquals("alice", f.users.whoami(token).username()); // still logged in
  }

  @Test
  void profile_showsCreationTime() throws Exception {
    f.user("alice");
    assertEquals(f.clock.millis(), f.users.profile("alice").createdAtMillis());
  }
}
