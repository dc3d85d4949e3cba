package org.redditclone.client.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.UnknownHostException;
import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redditclone.api.RedditException;
import org.redditclone.client.connect.AlteredRegistryException;
import org.redditclone.client.connect.CallFailure;
import org.redditclone.client.connect.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands, one given on the command line or one per line of a reader, and turns each
 * failure into a line {@code error: KIND: MESSAGE} on standard error and an exit code.
 */
final class Shell {

  /** The command (or every line) succeeded. */
  static final int OK = 0;
  /** The engine refused a command (a domain error), or some line of the input failed. */
  static final int FAILED = 1;
  /** The command line was wrong: unknown command, wrong arguments, bad quoting. */
  static final int USAGE = 2;
  /** The engine could not be reached, or a remote call failed in transport. */
  static final int UNREACHABLE = 3;

  static final String PROMPT = "> ";

  /** How long to look for an engine that restarted before giving up on a command. */
  private static final Duration RECONNECT_PATIENCE = Duration.ofSeconds(3);
  /** How a command whose connection dropped mid-call keeps retrying to learn its outcome. */
  private static final RetryPolicy DROPPED_CALL_RETRIES =
      RetryPolicy.pauses(Duration.ofMillis(200), Duration.ofMillis(200)).within(Duration.ofSeconds(30));

  private static final Logger log = LoggerFactory.getLogger(Shell.class);

  private final CommandTable table;
  private final CliContext context;
  private final PrintStream err;
  private final boolean debug;

  Shell(CommandTable table, CliContext context, PrintStream err) {
    this(table, context, err, false);
  }

  /** @param debug whether a failure's stack trace follows its line on {@code err} ({@code --debug}) */
  Shell(CommandTable table, CliContext context, PrintStream err, boolean debug) {
    this.table = Objects.requireNonNull(table, "table");
    this.context = Objects.requireNonNull(context, "context");
    this.err = Objects.requireNonNull(err, "err");
    this.debug = debug;
  }

  /**
   * Reads and runs commands, one per line, until the end of input or {@code quit}; skips blank
   * lines and lines starting with {@code #}.
   *
   * @param prompt where to print the prompt before each line, or null for none
   * @return {@link #OK} if every line succeeded, otherwise {@link #FAILED}
   */
  int runLines(BufferedReader in, PrintStream prompt) {
    boolean allSucceeded = true;
    while (true) {
      if (prompt != null) {
        prompt.print(PROMPT);
        prompt.flush();
      }
      String line;
      try {
        line = in.readLine();
      } catch (IOException e) {
        err.println("error: input: cannot read standard input: " + e.getMessage());
        return FAILED;
      }
      if (line == null) {
        if (prompt != null) {
          prompt.println();
        }
        break;
      }
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      List<String> words;
      try {
        words = Tokenizer.split(line);
      } catch (UsageException e) {
        err.println("error: usage: " + e.getMessage());
        allSucceeded = false;
        continue;
      }
      if (CommandTable.QUIT_WORDS.contains(words.get(0))) {
        break;
      }
      allSucceeded &= run(words) == OK;
    }
    return allSucceeded ? OK : FAILED;
  }

  /**
   * Runs one command given as words, the first being its name.
   *
   * @return {@link #OK}, {@link #FAILED}, {@link #USAGE} or {@link #UNREACHABLE}
   */
  int run(List<String> words) {
    if (CommandTable.QUIT_WORDS.contains(words.get(0))) {
      return OK;
    }
    try {
      execute(table.parse(words));
      return OK;
    } catch (UsageException e) {
      err.println("error: usage: " + e.getMessage());
      synopsis(words.get(0)).ifPresent(s -> err.println("usage: " + s));
      return USAGE;
    } catch (RedditException e) {
      err.println("error: " + e.kind() + ": " + e.getMessage());
      return FAILED;
    } catch (AlteredRegistryException e) {
      err.println("error: engine not verified at " + context.address() + ": " + e.getMessage());
      return UNREACHABLE;
    } catch (RemoteException e) {
      String what = CallFailure.of(e).unreachable() ? "unreachable" : "call failed";
      err.println("error: engine " + what + " at " + context.address() + ": " + rootMessage(e));
      trace("remote call failed", e);
      return UNREACHABLE;
    } catch (NotBoundException e) {
      err.println("error: engine not running at " + context.address() + ": '" + e.getMessage()
          + "' is not bound in the registry");
      return UNREACHABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("error: interrupted while looking for the engine at " + context.address());
      return UNREACHABLE;
    } catch (RuntimeException e) {
      err.println("error: internal: " + String.valueOf(e).replaceAll("\\s*\\R\\s*", " "));
      trace("command " + words.get(0) + " failed unexpectedly", e);
      return FAILED;
    }
  }

  /** Prints {@code e}'s stack trace after its one-line error with {@code --debug}, else logs it at debug. */
  private void trace(String what, Exception e) {
    if (debug) {
      e.printStackTrace(err);
    } else {
      log.debug(what, e);
    }
  }

  /**
   * Runs the invocation, retrying it with the same request id (so the engine applies a change at
   * most once) in two cases. If stubs looked up earlier have gone stale (the engine restarted), it
   * looks them up again and runs the invocation once more. If the connection dropped in the
   * middle of a call, the engine may have applied it before it died, so the invocation is
   * repeated, looking the engine up again, until an answer tells the outcome or {@link
   * #DROPPED_CALL_RETRIES} give up.
   */
  private void execute(Invocation invocation)
      throws RedditException, RemoteException, NotBoundException, InterruptedException {
    context.beginCommand();
    boolean wasConnected = context.connected();
    boolean staleRetried = false;
    RetryPolicy.Retry dropped = null; // set once a call dropped mid-way
    while (true) {
      try {
        invocation.run(context);
        return;
      } catch (RemoteException e) {
        CallFailure failure = CallFailure.of(e);
        if (dropped == null && failure.unreachable()) {
          if (!wasConnected || staleRetried) {
            throw e;
          }
          staleRetried = true;
          log.info("engine at {} lost ({}); looking it up again", context.address(), e.getClass().getSimpleName());
          context.reconnect(RECONNECT_PATIENCE);
          continue;
        }
        // After a dropped call the engine may be restarting: keep trying while it is away.
        if (!failure.connectionLost()) {
          throw e;
        }
        if (failure == CallFailure.DROPPED) {
          log.info("connection to the engine at {} dropped mid-call ({}); repeating the call with "
              + "the same request id", context.address(), rootMessage(e));
          dropped = dropped == null ? DROPPED_CALL_RETRIES.start() : dropped;
        }
        if (!dropped.pause()) {
          throw e;
        }
        reconnectQuietly();
      }
    }
  }

  /** Looks the engine up again if it can; if it cannot yet, the next attempt fails fast. */
  private void reconnectQuietly() throws InterruptedException {
    try {
      if (context.connected()) {
        context.reconnect(RECONNECT_PATIENCE);
      }
    } catch (RemoteException | NotBoundException notYet) {
      log.debug("engine at {} not back yet: {}", context.address(), notYet.toString());
    }
  }

  private Optional<String> synopsis(String name) {
    try {
      return Optional.of(table.get(name).synopsis());
    } catch (UsageException unknown) {
      return Optional.empty();
    }
  }

  /** Returns the message of the deepest cause, which says what actually went wrong. */
  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (root instanceof UnknownHostException) {
      return "unknown host " + message;
    }
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
