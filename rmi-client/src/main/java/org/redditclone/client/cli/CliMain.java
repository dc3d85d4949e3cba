package org.redditclone.client.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The command-line client: {@code cli.sh [--registry HOST:PORT] [--as USER:PASSWORD] [--debug]
 * [COMMAND ARGS...]}. Prints results to standard output as {@code key=value} lines (grammar in
 * {@link Output}), errors to standard error, in UTF-8; exits 0 on success, 1 when the engine
 * refused, 2 for a usage error, 3 when the engine cannot be reached.
 */
public final class CliMain {

  private CliMain() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int code = run(args, in, out, err, System.console() != null);
    out.flush();
    err.flush();
    // RMI leaves non-daemon threads behind; the exit code is the CLI's answer.
    System.exit(code);
  }

  /**
   * Runs the CLI and returns its exit code.
   *
   * @param interactive whether to print a prompt before each line read from {@code in}
   */
  static int run(String[] args, BufferedReader in, PrintStream out, PrintStream err,
      boolean interactive) {
    CliOptions options;
    try {
      options = CliOptions.parse(args);
    } catch (UsageException e) {
      err.println("error: usage: " + e.getMessage());
      err.println(CliOptions.USAGE);
      return Shell.USAGE;
    }
    CommandTable table = CommandTable.standard();
    if (options.help()) {
      out.println(CliOptions.USAGE);
      out.println();
      out.println(table.help());
      return Shell.OK;
    }
    CliContext context = new CliContext(options.registry(), options.as(), out);
    Shell shell = new Shell(table, context, err, options.debug());
    try {
      return options.command().isEmpty()
          ? shell.runLines(in, interactive ? out : null)
          : shell.run(options.command());
    } finally {
      context.endSessionQuietly();
    }
  }
}
