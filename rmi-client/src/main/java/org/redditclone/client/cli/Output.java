package org.redditclone.client.cli;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.redditclone.api.Comment;
import org.redditclone.api.EngineStats;
import org.redditclone.api.Message;
import org.redditclone.api.Post;
import org.redditclone.api.Subreddit;
import org.redditclone.api.UserProfile;
import org.redditclone.client.cli.Ids.Kind;

/**
 * Writes the CLI's output lines. Every line is {@code key=value} tokens separated by single
 * spaces, some opening with a bare word; ids carry their kind prefix ({@code p} post,
 * {@code c} comment, {@code m} message); times are ISO-8601 UTC. A value that is empty or holds
 * a space, a quote, {@code =}, a backslash or a non-printable character is written in double
 * quotes with {@code \"}, {@code \\}, {@code \n}, {@code \t}, {@code \r} and
 * {@code \}{@code uXXXX} escapes, which the CLI's own tokenizer reads back. Tokens in
 * {@code [brackets]} appear only when they apply.
 *
 * <pre>
 * register USER PASSWORD         registered user=U
 * login USER PASSWORD            logged-in user=U
 * logout                         logged-out user=U
 * whoami | karma USER            user=U post=N comment=N created=ISO online=true|false
 * online | offline               online user=U | offline user=U
 * create-sub NAME DESCRIPTION    SUB-LINE
 * join NAME | leave NAME | sub NAME
 * subs [members|new] [LIMIT] [next=CURSOR] | my-subs
 *                                SUB-LINE per subreddit [next=CURSOR]
 *   SUB-LINE:  name=S members=N creator=U description=TEXT
 * post SUB TITLE BODY | repost POST_ID SUB
 *                                id=pN sub=S author=U title=TEXT score=N comments=N
 *                                [original=pN original_author=U] [deleted=true]
 * listing SUB [hot|new|top|controversial] [LIMIT] [next=CURSOR]
 * feed [hot|new|top|controversial] [LIMIT] [next=CURSOR]
 *                                one line per post, then [next=CURSOR] if more follow:
 *                                id=pN sub=S author=U score=N comments=N title=TEXT
 *                                [original=pN original_author=U] [deleted=true]
 * show POST_ID [best|top|new|controversial]
 *                                the post line of `post` plus body=TEXT, then per comment in
 *                                depth-first order:
 *                                id=cN parent=pN|cN depth=N author=U score=N body=TEXT [deleted=true]
 * comment POST_ID BODY | reply COMMENT_ID BODY
 *                                id=cN post=pN parent=pN|cN depth=N author=U
 * vote ID up|down|none           id=pN|cN score=N ups=N downs=N vote=up|down|none
 * delete ID                      deleted id=pN|cN
 * dm USER SUBJECT BODY | reply-dm MESSAGE_ID BODY
 *                                id=mN conversation=mN to=U subject=TEXT
 * inbox [unread] [LIMIT] [next=CURSOR] | sent [LIMIT] [next=CURSOR] | conversation MESSAGE_ID
 *                                MSG-LINE per message [next=CURSOR]
 *   MSG-LINE:  id=mN conversation=mN from=U to=U read=true|false subject=TEXT body=TEXT
 * mark-read MESSAGE_ID           read id=mN
 * stats                          users=N online=N subreddits=N posts=N comments=N votes=N
 *                                messages=N memberships=N uptime_s=N
 *                                then op=NAME calls=N per operation, by name
 * </pre>
 *
 * <p>Errors go to standard error as {@code error: KIND: MESSAGE}; KIND is the engine's error
 * kind ({@code not_found}, {@code already_exists}, {@code invalid_input}, {@code not_authorized},
 * {@code forbidden}, {@code rate_limited}, {@code storage_failed}) or {@code usage}; an engine
 * that cannot be reached reads {@code error: engine unreachable at HOST:PORT: REASON}.
 */
final class Output {

  private Output() {}

  /** Returns {@code value} as is if it is safe bare, otherwise double-quoted with escapes. */
  static String quote(String value) {
    if (!needsQuotes(value)) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 8).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (isPrintable(value, i)) {
            out.append(c);
          } else {
            out.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static boolean needsQuotes(String value) {
    if (value.isEmpty()) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ' || c == '"' || c == '\'' || c == '=' || c == '\\' || !isPrintable(value, i)) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether the char at {@code i} may be printed as is (a valid pair counts as printable). */
  private static boolean isPrintable(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
          && isPrintableCodePoint(value.codePointAt(i));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(value.charAt(i - 1))
          && isPrintableCodePoint(value.codePointAt(i - 1));
    }
    return c == ' ' || isPrintableCodePoint(c);
  }

  private static boolean isPrintableCodePoint(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR, Character.SURROGATE,
          Character.PRIVATE_USE, Character.UNASSIGNED -> false;
      default -> true;
    };
  }

  /** Returns an epoch-milliseconds time as ISO-8601 UTC. */
  static String time(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }

  static String user(UserProfile user) {
    return Line.of()
        .add("user", user.username())
        .add("post", user.postKarma())
        .add("comment", user.commentKarma())
        .add("created", time(user.createdAtMillis()))
        .add("online", user.online())
        .toString();
  }

  static String subreddit(Subreddit sub) {
    return Line.of()
        .add("name", sub.name())
        .add("members", sub.members())
        .add("creator", sub.creator())
        .add("description", sub.description())
        .toString();
  }

  /** Returns the line of a post as created or shown; with its body when {@code withBody}. */
  static String post(Post post, boolean withBody) {
    Line line = Line.of()
        .add("id", Ids.format(Kind.POST, post.id()))
        .add("sub", post.subreddit())
        .add("author", post.author())
        .add("title", post.title())
        .add("score", post.score())
        .add("comments", post.commentCount());
    return repostAndDeleted(line, post).addIf(withBody, "body", post.body()).toString();
  }

  /** Returns the line of a post in a listing or feed: title last, as it is the longest. */
  static String listed(Post post) {
    Line line = Line.of()
        .add("id", Ids.format(Kind.POST, post.id()))
        .add("sub", post.subreddit())
        .add("author", post.author())
        .add("score", post.score())
        .add("comments", post.commentCount())
        .add("title", post.title());
    return repostAndDeleted(line, post).toString();
  }

  private static Line repostAndDeleted(Line line, Post post) {
    return line
        .addIf(post.isRepost(), "original", Ids.format(Kind.POST, post.originalId()))
        .addIf(post.isRepost(), "original_author", post.originalAuthor())
        .addIf(post.deleted(), "deleted", true);
  }

  /** Returns the line of a comment just made. */
  static String commented(Comment comment) {
    return Line.of()
        .add("id", Ids.format(Kind.COMMENT, comment.id()))
        .add("post", Ids.format(Kind.POST, comment.postId()))
        .add("parent", parent(comment))
        .add("depth", comment.depth())
        .add("author", comment.author())
        .toString();
  }

  /** Returns the line of a comment in a tree. */
  static String treeComment(Comment comment) {
    return Line.of()
        .add("id", Ids.format(Kind.COMMENT, comment.id()))
        .add("parent", parent(comment))
        .add("depth", comment.depth())
        .add("author", comment.author())
        .add("score", comment.score())
        .add("body", comment.body())
        .addIf(comment.deleted(), "deleted", true)
        .toString();
  }

  private static String parent(Comment comment) {
    return comment.parentId() == 0
        ? Ids.format(Kind.POST, comment.postId())
        : Ids.format(Kind.COMMENT, comment.parentId());
  }

  /** Returns the line of a message just sent. */
  static String sent(Message message) {
    return Line.of()
        .add("id", Ids.format(Kind.MESSAGE, message.id()))
        .add("conversation", Ids.format(Kind.MESSAGE, message.conversationId()))
        .add("to", message.to())
        .add("subject", message.subject())
        .toString();
  }

  /** Returns the line of a message in a listing. */
  static String message(Message message) {
    return Line.of()
        .add("id", Ids.format(Kind.MESSAGE, message.id()))
        .add("conversation", Ids.format(Kind.MESSAGE, message.conversationId()))
        .add("from", message.from())
        .add("to", message.to())
        .add("read", message.read())
        .add("subject", message.subject())
        .add("body", message.body())
        .toString();
  }

  /** Returns the counters line of the stats. */
  static String stats(EngineStats stats) {
    return Line.of()
        .add("users", stats.users())
        .add("online", stats.onlineUsers())
        .add("subreddits", stats.subreddits())
        .add("posts", stats.posts())
        .add("comments", stats.comments())
        .add("votes", stats.votes())
        .add("messages", stats.messages())
        .add("memberships", stats.memberships())
        .add("uptime_s", stats.uptimeMillis() / 1000)
        .toString();
  }

  /** Returns one {@code op=NAME calls=N} line per operation, sorted by name. */
  static Iterable<String> operations(Map<String, Long> callsByOperation) {
    return new TreeMap<>(callsByOperation).entrySet().stream()
        .map(e -> Line.of().add("op", e.getKey()).add("calls", e.getValue()).toString())
        .toList();
  }

  /** Returns the line that closes a page when another follows. */
  static String next(String cursor) {
    return Line.of().add("next", cursor).toString();
  }
}
