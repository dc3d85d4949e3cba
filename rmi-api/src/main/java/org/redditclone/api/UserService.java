package org.redditclone.api;

import java.rmi.Remote;
import java.rmi.RemoteException;

/**
 * Accounts, sessions and presence. Bound as {@link Bindings#USERS}. Unlike the content services,
 * no call here takes a {@link Caller}: logout, goOnline and goOffline are idempotent by nature
 * (a repeat finds the state already as asked), login makes a new session each time, and a
 * repeated registration answers {@link AlreadyExistsException}; a client that retries a
 * registration after a lost connection treats that answer as success if it can then log in with
 * its password.
 */
public interface UserService extends Remote {

  /**
   * Registers a user.
   *
   * @throws InvalidInputException if the username breaks {@link Limits#USERNAME} rules or the password is empty or too long
   * @throws AlreadyExistsException if the name is taken, ignoring case
   */
  void register(String username, String password) throws RedditException, RemoteException;

  /**
   * Returns a new session for the user; the user's earlier sessions stay valid.
   *
   * @throws NotAuthorizedException if the username or password is wrong
   * @throws RateLimitedException if too many logins for this name failed lately
   */
  Session login(String username, String password) throws RedditException, RemoteException;

  /** Ends the session; its token is refused afterwards. */
  void logout(String token) throws RedditException, RemoteException;

  /** Returns the profile of the session's user. */
  UserProfile whoami(String token) throws RedditException, RemoteException;

  /**
   * Returns the profile of a user by name.
   *
   * @throws NotFoundException if there is no such user
   */
  UserProfile profile(String username) throws RedditException, RemoteException;

  /** Marks the session's user online; the session itself is unaffected. */
  void goOnline(String token) throws RedditException, RemoteException;

  /** Marks the session's user offline; the session stays valid. */
  void goOffline(String token) throws RedditException, RemoteException;
}
