package org.redditclone.client.cli;

import org.redditclone.api.PostSort;
import org.redditclone.client.cli.Ids.Kind;

/** Commands that make posts and list them. */
final class PostCommands {

  private static final String PAGING = "[" + Args.words(PostSort.class) + "] [LIMIT] [next=CURSOR]";

  private PostCommands() {}

  static void addTo(CommandTable table) {
    table.add("post", "SUB TITLE BODY", "submits a text post to a subreddit", args -> {
      args.count(3);
      String sub = args.get(0);
      String title = args.get(1);
      String body = args.get(2);
      return Invocation.changing((context, caller) -> context.print(Output.post(
          context.engine().posts().submit(caller, sub, title, body), false)));
    });
    table.add("repost", "POST_ID SUB", "reposts a post into another subreddit", args -> {
      args.count(2);
      long postId = Ids.parse("POST_ID", args.get(0), Kind.POST);
      String sub = args.get(1);
      return Invocation.changing((context, caller) -> context.print(Output.post(
          context.engine().posts().repost(caller, postId, sub), false)));
    });
    table.add("listing", "SUB " + PAGING, "lists a subreddit's posts (hot first by default)",
        args -> {
          args.count(1, 4);
          String sub = args.get(0);
          Args.Paging<PostSort> paging = args.paging(1, PostSort.class, PostSort.HOT);
          return context -> context.printPage(
              context.engine().posts()
                  .listing(sub, paging.sort().ordinal(), paging.cursor(), paging.limit()),
              Output::listed);
        });
    table.add("feed", PAGING, "lists the posts of the joined subreddits (hot first by default)",
        args -> {
          args.count(0, 3);
          Args.Paging<PostSort> paging = args.paging(0, PostSort.class, PostSort.HOT);
          return Invocation.asUser((context, token) -> context.printPage(
              context.engine().feed()
                  .feed(token, paging.sort().ordinal(), paging.cursor(), paging.limit()),
              Output::listed));
        });
  }
}
