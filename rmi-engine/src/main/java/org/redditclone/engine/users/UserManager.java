package org.redditclone.engine.users;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.redditclone.api.AlreadyExistsException;
import org.redditclone.api.Caller;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Limits;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.NotFoundException;
import org.redditclone.api.Page;
import org.redditclone.api.RedditException;
import org.redditclone.api.Session;
import org.redditclone.api.WriteCounts;
import org.redditclone.engine.events.Event.PresenceChanged;
import org.redditclone.engine.events.Event.RequestsRemembered;
import org.redditclone.engine.events.Event.SessionClosed;
import org.redditclone.engine.events.Event.SessionOpened;
import org.redditclone.engine.events.Event.UserRegistered;
import org.redditclone.engine.events.EventBus;
import org.redditclone.engine.events.ImpossibleEventException;
import org.redditclone.engine.events.Publisher;
import org.redditclone.engine.names.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registered users, their sessions and presence. Thread-safe; no global lock. */
public final class UserManager extends Publisher {

  private static final Logger log = LoggerFactory.getLogger(UserManager.class);

  private final Map<String, User> byName = new ConcurrentHashMap<>();
  private final Map<Integer, User> byId = new ConcurrentHashMap<>();
  /** Filled after {@link #byName}, which alone decides whether a name is taken. */
  private final NamesInOrder inOrder = new NamesInOrder();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final AtomicLong online = new AtomicLong();
  private final LoginThrottle throttle = new LoginThrottle();
  private final Sessions sessions;
  private final int passwordCost;
  private volatile PasswordHash dummyHash;

  /** Creates an empty user store hashing new passwords with {@code passwordCost} iterations. */
  public UserManager(EventBus bus, Clock clock, int passwordCost, long sessionIdleTimeoutMillis) {
    super(bus, clock);
    if (passwordCost < 1) {
      throw new IllegalArgumentException("passwordCost cannot be less than 1: " + passwordCost);
    }
    if (sessionIdleTimeoutMillis < 1) {
      throw new IllegalArgumentException(
          "sessionIdleTimeoutMillis cannot be less than 1: " + sessionIdleTimeoutMillis);
    }
    this.passwordCost = passwordCost;
    this.sessions = new Sessions(sessionIdleTimeoutMillis);
  }

  /** Registers a user with a freshly salted hash of the password. */
  public void register(String username, String password) throws RedditException {
    Limits.username("username", username);
    Limits.text("password", password, Limits.PASSWORD_MIN, Limits.PASSWORD_MAX);
    if (byName.containsKey(Named.key(username))) {
      // Checked before hashing too, so a taken name does not cost a PBKDF2 run.
      throw AlreadyExistsException.of("username", username);
    }
    PasswordHash hash = PasswordHash.create(password, passwordCost);
    UserRegistered event = new UserRegistered(
        nextId.getAndIncrement(), username, hash.iterations(), hash.saltBase64(), hash.hashBase64(),
        now());
    if (!apply(event)) {
      throw AlreadyExistsException.of("username", username);
    }
    log.info("user {} registered", username);
  }

  /**
   * Applies a registration; returns false, changing nothing, if the name is taken.
   *
   * @throws ImpossibleEventException if the id exists, which no live registration can cause
   */
  public boolean apply(UserRegistered e) {
    User created = new User(e.userId(), e.username(), e.atMillis(),
        PasswordHash.decode(e.iterations(), e.salt(), e.hash()));
    User winner = byName.computeIfAbsent(Named.key(e.username()), k -> {
      if (byId.containsKey(created.id())) {
        throw ImpossibleEventException.exists("user", e.userId());
      }
      // Published inside the map's bin lock, before the user is visible to any other call; a
      // refused event throws here, and the name and the id stay free.
      publish(e);
      byId.put(created.id(), created);
      return created;
    });
    nextId.accumulateAndGet(e.userId() + 1, Math::max);
    if (winner != created) {
      return false;
    }
    inOrder.add(created);
    return true;
  }

  /** Returns a new session for a user whose password matches. */
  public Session login(String username, String password) throws RedditException {
    Limits.text("username", username, 1, Limits.USERNAME_MAX);
    Limits.text("password", password, Limits.PASSWORD_MIN, Limits.PASSWORD_MAX);
    String key = Named.key(username);
    throttle.check(key, username, now());
    User user = byName.get(key);
    boolean matches;
    if (user == null) {
      dummyHash().matches(password); // costs a hash too, so timing does not tell which names exist
      matches = false;
    } else {
      matches = user.password().matches(password);
    }
    if (!matches) {
      throttle.failed(key, now());
      log.info("login failed for user {}", username);
      throw new NotAuthorizedException(
          "username '" + username + "' or its password is wrong; both must match a registered user");
    }
    throttle.succeeded(key);
    String token = Sessions.newToken();
    apply(new SessionOpened(Sessions.hash(token), user.id(), now()));
    log.debug("user {} logged in", user.name());
    return new Session(token, user.name());
  }

  /** Applies a login. */
  public void apply(SessionOpened e) {
    User user = requireUser(e.userId());
    publish(e);
    sessions.put(e.tokenHash(), user, e.atMillis());
  }

  /** Ends the session of {@code token}. */
  public void logout(String token) throws NotAuthorizedException {
    User user = authenticate(token);
    apply(new SessionClosed(Sessions.hash(token), user.id(), now()));
    log.debug("user {} logged out", user.name());
  }

  /** Applies the end of a session; ending an absent session changes nothing. */
  public void apply(SessionClosed e) {
    requireUser(e.userId());
    sessions.remove(e.tokenHash(), user -> publish(e));
  }

  /** Returns the user of a live session and marks it used now. */
  public User authenticate(String token) throws NotAuthorizedException {
    if (token == null) {
      throw new NotAuthorizedException("token is missing; log in and pass the session token");
    }
    long now = now();
    Sessions.Entry entry =
        token.length() > Limits.TOKEN_MAX ? null : sessions.find(Sessions.hash(token), now);
    if (entry == null) {
      throw new NotAuthorizedException(
          "token is unknown, expired or logged out (sessions expire after "
              + sessions.idleTimeoutMillis() / 1000 + " s idle); log in again");
    }
    entry.lastUsedMillis = now;
    return entry.user;
  }

  /**
   * Returns the user of a state-changing call's live session, as {@link #authenticate(String)},
   * once the request id is checked too.
   *
   * @throws InvalidInputException if the request id is 0
   */
  public User authenticate(Caller caller) throws RedditException {
    if (caller == null) {
      throw new NotAuthorizedException("caller is missing; pass Caller.of(sessionToken)");
    }
    User user = authenticate(caller.token());
    Limits.requestId(caller.requestId());
    return user;
  }

  /** Ends every session idle longer than the timeout and forgets stale login failures. */
  public int sweepExpiredSessions() {
    long now = now();
    int ended = 0;
    for (String hash : sessions.expiredHashes(now)) {
      if (sessions.remove(hash, user -> publish(new SessionClosed(hash, user.id(), now))) != null) {
        ended++;
      }
    }
    throttle.sweep(now);
    return ended;
  }

  /** Sets the presence of the session's user. */
  public void setOnline(String token, boolean value) throws NotAuthorizedException {
    User user = authenticate(token);
    apply(new PresenceChanged(user.id(), value, now()));
  }

  /** Applies a presence change; setting the current presence changes nothing. */
  public void apply(PresenceChanged e) {
    User user = requireUser(e.userId());
    synchronized (user) {
      if (user.online() != e.online()) {
        publish(e);
        user.setOnline(e.online());
        online.addAndGet(e.online() ? 1 : -1);
      }
    }
  }

  /**
   * Applies a snapshot's window of a user's applied request ids, which replaces the user's table as
   * it passes the bus (see {@link org.redditclone.engine.requests.RequestBook}).
   */
  public void apply(RequestsRemembered e) {
    requireUser(e.userId());
    publish(e);
  }

  /** Returns a user by name, ignoring case. */
  public User byName(String username) throws RedditException {
    return byName("username", username);
  }

  /** Returns a user by name, ignoring case; {@code field} names the input in errors. */
  public User byName(String field, String username) throws RedditException {
    Limits.text(field, username, 1, Limits.USERNAME_MAX);
    return NotFoundException.require(byName.get(Named.key(username)), "user", username);
  }

  /**
   * Returns a page of the counts of the writes of the users whose names start with {@code prefix};
   * see {@link org.redditclone.api.StatsService#writeCounts}.
   */
  public Page<WriteCounts> writeCounts(String prefix, String cursor, int limit)
      throws InvalidInputException {
    return inOrder.writeCounts(prefix, cursor, limit);
  }

  /** Returns the user with an internal id that an applied event named. */
  public User requireUser(int userId) {
    return ImpossibleEventException.require(byId.get(userId), "user", userId);
  }

  /** Returns the number of registered users. */
  public long count() {
    return byId.size();
  }

  /** Returns the number of users online. */
  public long onlineCount() {
    return online.get();
  }

  /** Returns the number of live sessions. */
  public int sessionCount() {
    return sessions.size();
  }

  private PasswordHash dummyHash() {
    PasswordHash hash = dummyHash;
    if (hash == null) {
      hash = PasswordHash.create("no such user", passwordCost);
      dummyHash = hash; // a benign race: at worst two threads make one each
    }
    return hash;
  }
}
