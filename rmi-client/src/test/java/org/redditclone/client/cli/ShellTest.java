package org.redditclone.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.rmi.ConnectException;
import java.rmi.NotBoundException;
import java.rmi.ServerException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Bindings;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.NotFoundException;
import org.redditclone.client.connect.EngineStubCheck;
import org.redditclone.client.connect.RegistryAddress;

/** How the shell turns each kind of failure into a message on stderr and an exit code. */
final class ShellTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CommandTable table = CommandTable.empty();
  private final Shell shell = new Shell(table,
      new CliContext(new RegistryAddress("127.0.0.1", 4099), null,
          new PrintStream(out, true, StandardCharsets.UTF_8)),
      new PrintStream(err, true, StandardCharsets.UTF_8));

  ShellTest() {
    table.add("ok", "", "prints a line", args -> context -> context.print("done=1"));
    table.add("missing", "", "fails as the engine would",
        args -> context -> { throw NotFoundException.of("post", 42L); });
    table.add("long", "", "fails as the engine would",
        args -> context -> { throw new InvalidInputException("title", "x".repeat(301), "is too long"); });
    table.add("down", "", "cannot reach the engine", args -> context -> {
      throw new ConnectException("Connection refused to host: 127.0.0.1",
          new java.net.ConnectException("Connection refused"));
    });
    table.add("broken", "", "the engine failed", args -> context -> {
      throw new ServerException("error in server", new java.rmi.RemoteException("boom"));
    });
    table.add("unbound", "", "the engine is not bound",
        args -> context -> { throw new NotBoundException("redditclone/users"); });
    table.add("altered", "", "the registry holds a stranger's object",
        args -> context -> EngineStubCheck.verify(Map.of(Bindings.FEED, "a string")));
    table.add("bug", "", "fails in the client itself",
        args -> context -> { throw new IllegalStateException("first line\nsecond line"); });
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void domainErrorPrintsItsKindAndMessageAndExitsOne() {
    assertEquals(Shell.FAILED, shell.run(List.of("missing")));
    assertEquals("error: not_found: no post 42 exists", err().strip());
  }

  @Test
  void invalidInputMessageNamesTheField() {
    assertEquals(Shell.FAILED, shell.run(List.of("long")));
    assertEquals(true, err().startsWith("error: invalid_input: title 'xxx"), err());
  }

  @Test
  void unreachableEngineExitsThreeWithTheAddressAndTheRootCause() {
    assertEquals(Shell.UNREACHABLE, shell.run(List.of("down")));
    assertEquals("error: engine unreachable at 127.0.0.1:4099: Connection refused", err().strip());
  }

  @Test
  void failedRemoteCallExitsThreeSayingTheCallFailed() {
    assertEquals(Shell.UNREACHABLE, shell.run(List.of("broken")));
    assertEquals("error: engine call failed at 127.0.0.1:4099: boom", err().strip());
  }

  @Test
  void unboundServiceExitsThreeNamingTheBinding() {
    assertEquals(Shell.UNREACHABLE, shell.run(List.of("unbound")));
    assertEquals("error: engine not running at 127.0.0.1:4099: 'redditclone/users' is not bound"
        + " in the registry", err().strip());
  }

  @Test
  void aStrangersObjectInTheRegistry_exitsThreeWithOneLineNamingIt() {
    assertEquals(Shell.UNREACHABLE, shell.run(List.of("altered")));
    assertEquals("error: engine not verified at 127.0.0.1:4099: registry entry redditclone/feed is not the "
        + "engine's FeedService (found a String (not an RMI stub)); the registry may have been altered", err().strip());
  }

  @Test
  void anUnexpectedException_isOneLine_andItsTraceComesOnlyWithDebug() {
    assertEquals(Shell.FAILED, shell.run(List.of("bug")));
    assertEquals("error: internal: java.lang.IllegalStateException: first line second line", err().strip());

    ByteArrayOutputStream debugErr = new ByteArrayOutputStream();
    Shell debug = new Shell(table, new CliContext(new RegistryAddress("127.0.0.1", 4099), null,
        new PrintStream(out, true, StandardCharsets.UTF_8)), new PrintStream(debugErr, true, StandardCharsets.UTF_8), true);
    assertEquals(Shell.FAILED, debug.run(List.of("bug")));
    String text = debugErr.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("error: internal: java.lang.IllegalStateException: first line second line"), text);
    assertTrue(text.contains("\tat org.redditclone.client.cli.ShellTest"), text);
  }

  @Test
  void linesModeRunsEveryLineAndReportsEachFailure() {
    int code = shell.runLines(new BufferedReader(new StringReader("ok\nmissing\nok\n")), null);
    assertEquals(Shell.FAILED, code);
    assertEquals("done=1\ndone=1\n", out.toString(StandardCharsets.UTF_8).replace("\r", ""));
    assertEquals("error: not_found: no post 42 exists", err().strip());
  }

  @Test
  void quitEndsTheLinesModeAndStopsReading() {
    int code = shell.runLines(new BufferedReader(new StringReader("ok\nexit\nmissing\n")), null);
    assertEquals(Shell.OK, code);
    assertEquals("", err());
  }
}
