package org.redditclone.client.cli;

import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import org.redditclone.api.RedditException;

/** A command whose arguments are checked, ready to run against the engine. */
@FunctionalInterface
interface Action {

  /** Runs the command and prints its output through {@code context}. */
  void run(CliContext context) throws RedditException, RemoteException, NotBoundException;

  /** An action that acts as the logged-in user. */
  @FunctionalInterface
  interface AsUser {
    void run(CliContext context, String token)
        throws RedditException, RemoteException, NotBoundException;
  }

  /**
   * Returns an action that first gets the session's token (logging in as the {@code --as} user
   * if need be), so that "not logged in" is reported before the engine is even looked up.
   */
  static Action asUser(AsUser action) {
    return context -> action.run(context, context.token());
  }
}
