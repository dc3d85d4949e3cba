package org.redditclone.client.cli;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The commands the CLI knows, by name, in the order {@code help} lists them. */
final class CommandTable {

  /** The words that end a session read from standard input. */
  static final List<String> QUIT_WORDS = List.of("quit", "exit");

  private final Map<String, Command> commands = new LinkedHashMap<>();

  private CommandTable() {}

  /** Returns a table without commands, to which {@link #add} adds some. */
  static CommandTable empty() {
    return new CommandTable();
  }

  /** Returns the table of every command of the CLI. */
  static CommandTable standard() {
    CommandTable table = empty();
    AccountCommands.addTo(table);
    SubredditCommands.addTo(table);
    PostCommands.addTo(table);
    ThreadCommands.addTo(table);
    MessageCommands.addTo(table);
    table.add("stats", "", "prints the engine's counters and calls per operation", args -> {
      args.count(0);
      return context -> {
        var stats = context.engine().stats().stats();
        context.print(Output.stats(stats));
        if (stats.callsByOperation() != null) {
          Output.operations(stats.callsByOperation()).forEach(context::print);
        }
      };
    });
    table.add("help", "[COMMAND]", "lists the commands, or tells how to use one", args -> {
      args.count(0, 1);
      String text = args.size() == 0 ? table.help() : table.get(args.get(0)).synopsis();
      return context -> context.print(text);
    });
    return table;
  }

  /** Adds a command. */
  void add(String name, String usage, String summary, Command.Parser parser) {
    if (commands.putIfAbsent(name, new Command(name, usage, summary, parser)) != null) {
      throw new IllegalStateException("command " + name + " is defined twice");
    }
  }

  /**
   * Returns the command called {@code name}.
   *
   * @throws UsageException if there is none
   */
  Command get(String name) throws UsageException {
    Command command = commands.get(name);
    if (command == null) {
      throw new UsageException("unknown command " + UsageException.quote(name)
          + "; run 'help' for the list of commands");
    }
    return command;
  }

  /**
   * Returns the action of a command line already split into words, the first being the name.
   *
   * @throws UsageException if the command is unknown or its arguments are wrong
   */
  Invocation parse(List<String> words) throws UsageException {
    Command command = get(words.get(0));
    return command.parser().parse(new Args(command.name(), words.subList(1, words.size())));
  }

  Collection<Command> all() {
    return Collections.unmodifiableCollection(commands.values());
  }

  /** Returns the list of commands with their arguments and summaries. */
  String help() {
    int width = commands.values().stream().mapToInt(c -> c.synopsis().length()).max().orElse(0);
    StringBuilder text = new StringBuilder();
    for (Command command : commands.values()) {
      text.append(String.format("%-" + width + "s  %s%n", command.synopsis(), command.summary()));
    }
    text.append(String.format("%-" + width + "s  %s%n", String.join(" | ", QUIT_WORDS),
        "ends a session read from standard input"));
    text.append("Ids carry their kind: p42 is a post, c17 a comment, m4 a message. Quote arguments")
        .append(" with spaces: post gleam \"My title\" 'My body'. A next=CURSOR line pages on:")
        .append(" pass it as an argument.");
    return text.toString();
  }
}
