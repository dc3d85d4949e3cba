package org.redditclone.client.cli;

import org.redditclone.api.Session;

/** Commands about accounts, sessions and presence. */
final class AccountCommands {

  private AccountCommands() {}

  static void addTo(CommandTable table) {
    table.add("register", "USER PASSWORD", "registers a new user (does not log in)", args -> {
      args.count(2);
      String user = args.get(0);
      String password = args.get(1);
      return context -> {
        context.engine().users().register(user, password);
        context.print(Line.of("registered").add("user", user));
      };
    });
    table.add("login", "USER PASSWORD", "logs in; later commands act as this user", args -> {
      args.count(2);
      String user = args.get(0);
      String password = args.get(1);
      return context -> {
        Session session = context.engine().users().login(user, password);
        context.startSession(session);
        context.print(Line.of("logged-in").add("user", session.username()));
      };
    });
    table.add("logout", "", "ends the session", args -> {
      args.count(0);
      return context -> {
        Session session = context.session();
        context.engine().users().logout(session.token());
        context.forgetSession();
        context.print(Line.of("logged-out").add("user", session.username()));
      };
    });
    table.add("whoami", "", "prints the logged-in user's profile and karma", args -> {
      args.count(0);
      return Invocation.asUser((context, token) ->
          context.print(Output.user(context.engine().users().whoami(token))));
    });
    table.add("karma", "USER", "prints a user's profile and karma", args -> {
      args.count(1);
      String user = args.get(0);
      return context -> context.print(Output.user(context.engine().users().profile(user)));
    });
    table.add("online", "", "marks the logged-in user online", args -> {
      args.count(0);
      return context -> {
        Session session = context.session();
        context.engine().users().goOnline(session.token());
        context.print(Line.of("online").add("user", session.username()));
      };
    });
    table.add("offline", "", "marks the logged-in user offline (the session stays)", args -> {
      args.count(0);
      return context -> {
        Session session = context.session();
        context.engine().users().goOffline(session.token());
        context.print(Line.of("offline").add("user", session.username()));
      };
    });
  }
}
