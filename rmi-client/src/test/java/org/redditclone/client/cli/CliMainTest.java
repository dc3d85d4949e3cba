package org.redditclone.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CLI end to end without an engine: exit codes, messages, and the line-by-line mode. */
final class CliMainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    return CliMain.run(args, new BufferedReader(new StringReader(stdin)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void unknownCommandExitsTwoWithAUsageError() {
    assertEquals(2, run("", "frobnicate"));
    assertTrue(err().startsWith("error: usage: unknown command 'frobnicate'"), err());
    assertEquals("", out());
  }

  @Test
  void wrongArgumentsExitTwoAndShowTheCommandsUsage() {
    assertEquals(2, run("", "listing", "gleam", "sideways"));
    assertTrue(err().contains("usage: listing SUB [hot|new|top|controversial] [LIMIT]"), err());
  }

  @Test
  void helpNeedsNoEngine() {
    assertEquals(0, run("", "help"));
    assertTrue(out().contains("vote ID up|down|none"), out());
    assertEquals(0, run("", "--help"));
  }

  @Test
  void unreachableEngineExitsThreeNamingTheAddress() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    assertEquals(3, run("", "--registry", "127.0.0.1:" + port, "stats"));
    assertTrue(err().startsWith("error: engine unreachable at 127.0.0.1:" + port + ": "), err());
  }

  @Test
  void linesModeSkipsCommentsAndBlanks_continuesAfterErrors_andExitsOneIfAnyFailed() {
    String stdin = "# a comment\n\n   \nhelp\nbogus\nhelp karma\nkarma \"unclosed\nquit\nbogus2\n";
    assertEquals(1, run(stdin));
    assertTrue(out().contains("karma USER"), out());
    String errors = err();
    assertTrue(errors.contains("unknown command 'bogus'"), errors);
    assertTrue(errors.contains("unterminated double quote"), errors);
    assertTrue(!errors.contains("bogus2"), "quit must stop reading: " + errors);
  }

  @Test
  void linesModeExitsZeroWhenEveryLineSucceeds() {
    assertEquals(0, run("help\n# done\n"));
    assertEquals("", err());
  }

  @Test
  void commandNeedingASessionSaysHowToLogIn() throws IOException {
    // No engine needed to learn that nobody is logged in? The check happens before any call.
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    assertEquals(1, run("", "--registry", "127.0.0.1:" + port, "whoami"));
    assertTrue(err().startsWith("error: not_authorized: not logged in"), err());
  }
}
