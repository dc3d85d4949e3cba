package org.redditclone.client.cli;

import org.redditclone.api.SubredditOrder;

/** Commands about subreddits and memberships. */
final class SubredditCommands {

  private SubredditCommands() {}

  static void addTo(CommandTable table) {
    table.add("create-sub", "NAME DESCRIPTION", "creates a subreddit and joins it", args -> {
      args.count(2);
      String name = args.get(0);
      String description = args.get(1);
      return Invocation.changing((context, caller) -> context.print(Output.subreddit(
          context.engine().subreddits().create(caller, name, description))));
    });
    table.add("join", "NAME", "joins a subreddit; its posts enter the feed", args -> {
      args.count(1);
      String name = args.get(0);
      return Invocation.changing((context, caller) -> context.print(Output.subreddit(
          context.engine().subreddits().join(caller, name))));
    });
    table.add("leave", "NAME", "leaves a subreddit; its posts leave the feed", args -> {
      args.count(1);
      String name = args.get(0);
      return Invocation.changing((context, caller) -> context.print(Output.subreddit(
          context.engine().subreddits().leave(caller, name))));
    });
    table.add("sub", "NAME", "prints one subreddit", args -> {
      args.count(1);
      String name = args.get(0);
      return context -> context.print(Output.subreddit(context.engine().subreddits().get(name)));
    });
    table.add("subs", "[" + Args.words(SubredditOrder.class) + "] [LIMIT] [next=CURSOR]",
        "lists all subreddits, most members first or newest first", args -> {
          args.count(0, 3);
          Args.Paging<SubredditOrder> paging =
              args.paging(0, SubredditOrder.class, SubredditOrder.MEMBERS);
          return context -> context.printPage(
              context.engine().subreddits().list(paging.sort(), paging.cursor(), paging.limit()),
              Output::subreddit);
        });
    table.add("my-subs", "", "lists the subreddits the logged-in user has joined", args -> {
      args.count(0);
      return Invocation.asUser((context, token) -> context.engine().subreddits().joined(token)
          .forEach(sub -> context.print(Output.subreddit(sub))));
    });
  }
}
