package org.redditclone.client.cli;

import java.util.List;
import org.redditclone.client.connect.RegistryAddress;

/**
 * The CLI's own options and the command after them.
 *
 * @param registry where the engine's registry listens
 * @param as the user to act as, or null
 * @param command the command's words, empty to read commands from standard input
 * @param help whether {@code --help} was asked for
 * @param debug whether errors come with their stack traces
 */
record CliOptions(RegistryAddress registry, Credentials as, List<String> command, boolean help, boolean debug) {

  static final String USAGE =
      "usage: cli.sh [--registry HOST:PORT] [--as USER:PASSWORD] [--debug] [COMMAND ARGS...]\n"
          + "  Runs COMMAND against the engine, or without one reads commands from standard input,\n"
          + "  one per line, keeping the login between lines. Default registry: "
          + RegistryAddress.LOCAL_DEFAULT + ".\n"
          + "  An error is one line on standard error; --debug adds its stack trace.\n"
          + "  Exit codes: 0 done, 1 refused by the engine (or a line failed), 2 usage error,\n"
          + "  3 engine unreachable (or not verified: the registry holds another's object).";

  /**
   * Returns the options of {@code args}: options first, then the command and its arguments.
   *
   * @throws UsageException for an unknown option, a missing value or a malformed one
   */
  static CliOptions parse(String[] args) throws UsageException {
    RegistryAddress registry = RegistryAddress.LOCAL_DEFAULT;
    Credentials as = null;
    boolean debug = false;
    int i = 0;
    while (i < args.length && args[i].startsWith("-")) {
      String arg = args[i];
      if (arg.equals("--")) {
        i++;
        break;
      }
      if (arg.equals("-h") || arg.equals("--help")) {
        return new CliOptions(registry, as, List.of(), true, debug);
      }
      if (arg.equals("--debug")) {
        debug = true;
        i++;
        continue;
      }
      int equals = arg.indexOf('=');
      String option = equals < 0 ? arg : arg.substring(0, equals);
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException(option + " needs a value");
      }
      switch (option) {
        case "--registry" -> registry = registry(option, value);
        case "--as" -> as = Credentials.parse(option, value);
        default -> throw new UsageException("unknown option " + UsageException.quote(option)
            + "; the options are --registry HOST:PORT, --as USER:PASSWORD, --debug and --help");
      }
      i++;
    }
    return new CliOptions(registry, as, List.of(args).subList(i, args.length), false, debug);
  }

  private static RegistryAddress registry(String option, String value) throws UsageException {
    try {
      return RegistryAddress.parse(option, value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
