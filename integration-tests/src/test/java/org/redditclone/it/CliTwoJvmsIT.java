package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two CLI JVMs, one per user, share one engine started as real processes: what one user does
 * the other sees. Each {@code procs.cli(...)} call is a JVM of its own; a piped stdin session
 * keeps its login between lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class CliTwoJvmsIT {

  private RealProcesses procs;

  @BeforeAll
  void startEngine() throws Exception {
    procs = RealProcesses.start();
  }

  @AfterAll
  void stopEngine() {
    if (procs != null) {
      procs.close();
    }
  }

  @Test
  void twoCliJvmsPostVoteCommentMessageAndLeaveThroughOneEngine() throws Exception {
    // JVM 1: alice, a session read from a pipe.
    List<String> alice = procs.cli("""
        # alice sets up her subreddit
        register alice pw-alice
        login alice pw-alice
        create-sub gleam "All things shiny"
        post gleam "Hello world" 'First post, "quoted" body'
        whoami
        """).assertOk().lines();
    assertEquals("registered user=alice", alice.get(0));
    assertEquals("logged-in user=alice", alice.get(1));
    Map<String, String> sub = fields(alice.get(2));
    assertEquals("gleam", sub.get("name"));
    assertEquals("1", sub.get("members"));
    assertEquals("All things shiny", sub.get("description"));
    Map<String, String> post = fields(alice.get(3));
    String postId = post.get("id");
    assertTrue(postId.matches("p\\d+"), alice.get(3));
    assertEquals("Hello world", post.get("title"));
    assertEquals("0", post.get("score"));
    assertEquals("alice", fields(alice.get(4)).get("user"));

    // JVM 2: bob, another session, sees alice's post in his feed once he joins and upvotes it.
    List<String> bob = procs.cli("""
        register bob pw-bob
        login bob pw-bob
        join gleam
        feed new
        vote %s up
        """.formatted(postId)).assertOk().lines();
    assertEquals("2", fields(bob.get(2)).get("members"));
    Map<String, String> feedLine = fields(bob.get(3));
    assertEquals(postId, feedLine.get("id"));
    assertEquals("alice", feedLine.get("author"));
    assertEquals("Hello world", feedLine.get("title"));
    assertEquals("id=" + postId + " score=1 ups=1 downs=0 vote=up", bob.get(4));

    // Karma from a third JVM, no login needed.
    Map<String, String> karma = fields(procs.cli(null, "karma", "alice").assertOk().stdout());
    assertEquals("alice", karma.get("user"));
    assertEquals("1", karma.get("post"));
    assertEquals("0", karma.get("comment"));

    // One-shot commands acting as a user: alice comments, bob replies to her comment.
    Map<String, String> comment = fields(procs.cli(null, "--as", "alice:pw-alice",
        "comment", postId, "Welcome, everyone").assertOk().stdout());
    String commentId = comment.get("id");
    assertTrue(commentId.matches("c\\d+"), comment.toString());
    assertEquals(postId, comment.get("parent"));
    assertEquals("0", comment.get("depth"));
    Map<String, String> reply = fields(procs.cli(null, "--as", "bob:pw-bob",
        "reply", commentId, "Thanks, alice").assertOk().stdout());
    String replyId = reply.get("id");
    assertEquals(commentId, reply.get("parent"));
    assertEquals("1", reply.get("depth"));
    assertEquals("bob", reply.get("author"));

    // show lists the post with its body, then the reply right under alice's comment.
    List<String> shown = procs.cli(null, "show", postId).assertOk().lines();
    assertEquals(3, shown.size(), shown.toString());
    assertEquals("First post, \"quoted\" body", fields(shown.get(0)).get("body"));
    assertEquals("2", fields(shown.get(0)).get("comments"));
    assertEquals(commentId, fields(shown.get(1)).get("id"));
    assertEquals(postId, fields(shown.get(1)).get("parent"));
    Map<String, String> shownReply = fields(shown.get(2));
    assertEquals(replyId, shownReply.get("id"));
    assertEquals(commentId, shownReply.get("parent"));
    assertEquals("1", shownReply.get("depth"));
    assertEquals("Thanks, alice", shownReply.get("body"));

    // Direct messages: alice writes, bob reads and answers, the conversation holds both in order.
    Map<String, String> dm = fields(procs.cli(null, "--as", "alice:pw-alice",
        "dm", "bob", "Hi bob", "Shall we meet?").assertOk().stdout());
    String messageId = dm.get("id");
    assertTrue(messageId.matches("m\\d+"), dm.toString());
    assertEquals(messageId, dm.get("conversation"));
    assertEquals("bob", dm.get("to"));
    List<String> bobMail = procs.cli("""
        login bob pw-bob
        inbox
        reply-dm %s "Sure, at noon"
        conversation %s
        """.formatted(messageId, messageId)).assertOk().lines();
    Map<String, String> inbox = fields(bobMail.get(1));
    assertEquals(messageId, inbox.get("id"));
    assertEquals("alice", inbox.get("from"));
    assertEquals("Shall we meet?", inbox.get("body"));
    Map<String, String> answer = fields(bobMail.get(2));
    assertEquals(messageId, answer.get("conversation"));
    assertEquals("alice", answer.get("to"));
    assertEquals(5, bobMail.size(), bobMail.toString());
    Map<String, String> first = fields(bobMail.get(3));
    Map<String, String> second = fields(bobMail.get(4));
    assertEquals(List.of(messageId, answer.get("id")), List.of(first.get("id"), second.get("id")));
    assertEquals(List.of(messageId, messageId),
        List.of(first.get("conversation"), second.get("conversation")));
    assertEquals(List.of("alice", "bob"), List.of(first.get("from"), second.get("from")));

    // bob leaves gleam and alice's post leaves his feed.
    List<String> left = procs.cli("""
        login bob pw-bob
        leave gleam
        feed
        my-subs
        """).assertOk().lines();
    assertEquals("1", fields(left.get(1)).get("members"));
    assertFalse(left.stream().anyMatch(line -> line.contains("id=" + postId + " ")), left.toString());
  }

  @Test
  void tooLongTitleFailsWithAMessageNamingTitle() throws Exception {
    procs.cli("register carol pw-carol\n").assertOk();
    procs.cli(null, "--as", "carol:pw-carol", "create-sub", "carols", "Carol's place").assertOk();
    RealProcesses.Result result = procs.cli(null, "--as", "carol:pw-carol",
        "post", "carols", "x".repeat(301), "body");
    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("error: invalid_input: title"), result.stderr());
    assertEquals("", result.stdout());
  }

  @Test
  void unknownCommandExitsTwo() throws Exception {
    RealProcesses.Result result = procs.cli(null, "frobnicate");
    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("error: usage: unknown command 'frobnicate'"),
        result.stderr());
  }

  @Test
  void failedLineInAPipedSessionIsReportedAndTheRestStillRuns() throws Exception {
    RealProcesses.Result result = procs.cli("""
        register dave pw-dave
        register dave pw-dave
        karma dave
        """);
    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("error: already_exists: "), result.stderr());
    assertEquals("dave", fields(result.lines().get(1)).get("user"));
  }

  private static final Pattern TOKEN =
      Pattern.compile("([A-Za-z_]+)=(\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S*))");

  /** Returns the key=value tokens of one output line, quoted values unescaped. */
  static Map<String, String> fields(String line) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher matcher = TOKEN.matcher(line.strip());
    while (matcher.find()) {
      String value = matcher.group(3) != null ? unescape(matcher.group(3)) : matcher.group(4);
      fields.put(matcher.group(1), value);
    }
    return fields;
  }

  private static String unescape(String quoted) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < quoted.length(); i++) {
      char c = quoted.charAt(i);
      if (c == '\\' && i + 1 < quoted.length()) {
        char next = quoted.charAt(++i);
        switch (next) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'u' -> {
            out.append((char) Integer.parseInt(quoted.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
