package org.redditclone.client.cli;

import java.io.PrintStream;
import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.redditclone.api.Caller;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.Page;
import org.redditclone.api.RedditException;
import org.redditclone.api.Session;
import org.redditclone.client.connect.EngineConnection;
import org.redditclone.client.connect.RegistryAddress;
import org.redditclone.client.connect.EngineStubs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What commands share within one CLI process: the engine connection, looked up on first use,
 * the logged-in session, and standard output. The session's token never leaves this object
 * except in calls to the engine.
 */
final class CliContext {

  private static final Logger log = LoggerFactory.getLogger(CliContext.class);

  private final RegistryAddress address;
  private final Credentials as;
  private final PrintStream out;
  private EngineConnection connection;
  private Session session;
  private long requestId;

  /**
   * @param as the user to log in as when a command first needs a session, or null
   */
  CliContext(RegistryAddress address, Credentials as, PrintStream out) {
    this.address = Objects.requireNonNull(address, "address");
    this.as = as;
    this.out = Objects.requireNonNull(out, "out");
  }

  RegistryAddress address() {
    return address;
  }

  /** Returns the engine's stubs, looking them up on first use. */
  EngineStubs engine() throws RemoteException, NotBoundException {
    if (connection == null) {
      connection = EngineConnection.connect(address);
    }
    return connection.stubs();
  }

  /** Returns whether the stubs were looked up already, so a failure may mean they are stale. */
  boolean connected() {
    return connection != null;
  }

  /** Looks the stubs up anew, after the engine may have restarted. */
  void reconnect(Duration patience) throws RemoteException, NotBoundException, InterruptedException {
    connection.reconnect(connection.stubs(), patience);
  }

  /**
   * Returns the session's token, logging in as the {@code --as} user first if there is no session.
   *
   * @throws NotAuthorizedException if nobody is logged in and no {@code --as} user was given
   */
  String token() throws RedditException, RemoteException, NotBoundException {
    return session().token();
  }

  /**
   * Starts a command: draws the request id that its state-changing call carries, the same in a
   * retry of the command.
   */
  void beginCommand() {
    requestId = Caller.of(null).requestId();
  }

  /** Returns the caller of the current command: the session's token and the command's request id. */
  Caller caller() throws RedditException, RemoteException, NotBoundException {
    if (requestId == 0) {
      beginCommand();
    }
    return new Caller(token(), requestId);
  }

  /** Returns the session, logging in as the {@code --as} user first if there is none. */
  Session session() throws RedditException, RemoteException, NotBoundException {
    if (session == null && as != null) {
      session = engine().users().login(as.username(), as.password());
    }
    if (session == null) {
      throw new NotAuthorizedException(
          "not logged in; run 'login USER PASSWORD' first or start the CLI with --as USER:PASSWORD");
    }
    return session;
  }

  /** Replaces the session (after a login), logging out the one it replaces. */
  void startSession(Session newSession) {
    endSessionQuietly();
    session = Objects.requireNonNull(newSession, "session");
  }

  /** Forgets the session without telling the engine (after the engine ended it). */
  void forgetSession() {
    session = null;
  }

  /** Logs the session out, if there is one; a failure is logged, not thrown, as the CLI is ending. */
  void endSessionQuietly() {
    if (session == null) {
      return;
    }
    Session ending = session;
    session = null;
    try {
      engine().users().logout(ending.token());
    } catch (RedditException | RemoteException | NotBoundException e) {
      log.warn("could not log out user {} at {}: {}", ending.username(), address, e.toString());
    }
  }

  /** Prints one line per item of {@code page}, then {@code next=CURSOR} if another page follows. */
  <T extends java.io.Serializable> void printPage(Page<T> page, Function<T, String> format) {
    page.items().forEach(item -> print(format.apply(item)));
    if (page.hasNext()) {
      print(Output.next(page.nextCursor()));
    }
  }

  /** Prints one output line. */
  void print(Object line) {
    out.println(line);
  }
}
