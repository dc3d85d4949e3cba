package org.redditclone.client.cli;

import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import org.redditclone.api.Caller;
import org.redditclone.api.RedditException;

/** One invocation of a command: its arguments checked, ready to run against the engine. */
@FunctionalInterface
interface Invocation {

  /** Runs the command and prints its output through {@code context}. */
  void run(CliContext context) throws RedditException, RemoteException, NotBoundException;

  /** An action that acts as the logged-in user. */
  @FunctionalInterface
  interface AsUser {
    void run(CliContext context, String token)
        throws RedditException, RemoteException, NotBoundException;
  }

  /** An action that changes state as the logged-in user, with the command's {@link Caller}. */
  @FunctionalInterface
  interface AsCaller {
    void run(CliContext context, Caller caller)
        throws RedditException, RemoteException, NotBoundException;
  }

  /**
   * Returns an action that changes state: like {@link #asUser}, but it gets the command's {@link
   * Caller}, whose request id stays the same when the command is retried after a lost connection,
   * so that the engine applies it at most once.
   */
  static Invocation changing(AsCaller action) {
    return context -> action.run(context, context.caller());
  }

  /**
   * Returns an action that first gets the session's token (logging in as the {@code --as} user
   * if need be), so that "not logged in" is reported before the engine is even looked up.
   */
  static Invocation asUser(AsUser action) {
    return context -> action.run(context, context.token());
  }
}
