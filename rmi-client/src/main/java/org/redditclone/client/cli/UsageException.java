package org.redditclone.client.cli;

/** A command line the CLI cannot run as written: unknown command, wrong arguments, bad quoting. */
final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the error with a message that names the argument, the value and the rule. */
  UsageException(String message) {
    super(message);
  }

  /** Returns {@code value} quoted for a message, cut to 60 characters so huge inputs stay readable. */
  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    return "'" + (value.length() > 60 ? value.substring(0, 57) + "..." : value) + "'";
  }
}
