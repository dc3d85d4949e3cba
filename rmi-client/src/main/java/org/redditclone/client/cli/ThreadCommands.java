package org.redditclone.client.cli;

import java.rmi.RemoteException;
import java.util.Locale;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentService;
import org.redditclone.api.CommentSort;
import org.redditclone.api.Limits;
import org.redditclone.api.RedditException;
import org.redditclone.api.Score;
import org.redditclone.api.VoteDirection;
import org.redditclone.client.cli.Ids.Kind;
import org.redditclone.client.cli.Ids.Ref;

/** Commands on a post's thread: show it, comment, reply, vote and delete. */
final class ThreadCommands {

  /** The deepest comment level {@code show} asks for: all of them. */
  static final int SHOW_MAX_DEPTH = Integer.MAX_VALUE;

  /** A comment written on the item of an id: a comment on a post, or a reply to a comment. */
  @FunctionalInterface
  private interface Writing {
    Comment write(CommentService comments, Caller caller, long on, String body)
        throws RedditException, RemoteException;
  }

  private ThreadCommands() {}

  /** Adds the command {@code name ID BODY} that writes a comment on the item of kind {@code on}. */
  private static void addWriting(CommandTable table, String name, String idName, String summary,
      Kind on, Writing writing) {
    table.add(name, idName + " BODY", summary, args -> {
      args.count(2);
      long id = Ids.parse(idName, args.get(0), on);
      String body = args.get(1);
      return Invocation.changing((context, caller) -> context.print(Output.commented(
          writing.write(context.engine().comments(), caller, id, body))));
    });
  }

  static void addTo(CommandTable table) {
    table.add("show", "POST_ID [" + Args.words(CommentSort.class) + "]",
        "prints a post with its body and its comment tree (best first by default)", args -> {
          args.count(1, 2);
          long postId = Ids.parse("POST_ID", args.get(0), Kind.POST);
          CommentSort sort = args.size() == 2
              ? Args.word("SORT", args.get(1), CommentSort.class)
              : CommentSort.BEST;
          return context -> {
            context.print(Output.post(context.engine().posts().get(postId), true));
            context.engine().comments()
                .tree(postId, sort.ordinal(), SHOW_MAX_DEPTH, Limits.TREE_MAX)
                .forEach(comment -> context.print(Output.treeComment(comment)));
          };
        });
    addWriting(table, "comment", "POST_ID", "comments on a post", Kind.POST,
        CommentService::comment);
    addWriting(table, "reply", "COMMENT_ID", "replies to a comment", Kind.COMMENT,
        CommentService::reply);
    table.add("vote", "ID " + Args.words(VoteDirection.class),
        "votes on a post (p42) or comment (c17); none retracts the vote", args -> {
          args.count(2);
          Ref id = Ids.parsePostOrComment("ID", args.get(0));
          VoteDirection direction = Args.word("DIRECTION", args.get(1), VoteDirection.class);
          return Invocation.changing((context, caller) -> {
            Score score = id.kind() == Kind.POST
                ? context.engine().posts().vote(caller, id.number(), direction.value())
                : context.engine().comments().vote(caller, id.number(), direction.value());
            context.print(Line.of()
                .add("id", Ids.format(id.kind(), score.id()))
                .add("score", score.score())
                .add("ups", score.ups())
                .add("downs", score.downs())
                .add("vote", score.myVote().name().toLowerCase(Locale.ROOT)));
          });
        });
    table.add("delete", "ID", "deletes your own post (p42) or comment (c17)", args -> {
      args.count(1);
      Ref id = Ids.parsePostOrComment("ID", args.get(0));
      return Invocation.changing((context, caller) -> {
        if (id.kind() == Kind.POST) {
          context.engine().posts().delete(caller, id.number());
        } else {
          context.engine().comments().delete(caller, id.number());
        }
        context.print(Line.of("deleted").add("id", Ids.format(id.kind(), id.number())));
      });
    });
  }
}
