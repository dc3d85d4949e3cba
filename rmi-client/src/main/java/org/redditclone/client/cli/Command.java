package org.redditclone.client.cli;

import java.util.Objects;

/**
 * One named command: its usage line, a summary for {@code help}, and the parser that checks its
 * arguments (without the engine) and returns what to run.
 *
 * @param name the word that invokes it
 * @param usage its arguments as shown by {@code help}, e.g. {@code SUB TITLE BODY}
 * @param summary what it does, one line
 * @param parser checks the arguments and returns the action
 */
record Command(String name, String usage, String summary, Parser parser) {

  /** Checks a command's arguments and returns what to run. */
  @FunctionalInterface
  interface Parser {
    Invocation parse(Args args) throws UsageException;
  }

  Command {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(parser, "parser");
  }

  /** Returns the command's name and arguments, as written on a command line. */
  String synopsis() {
    return usage.isEmpty() ? name : name + " " + usage;
  }
}
