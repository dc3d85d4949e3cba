package org.redditclone.client.cli;

/**
 * A user name and password given with {@code --as USER:PASSWORD}.
 *
 * @param username everything before the first colon (user names hold no colon)
 * @param password everything after it
 */
record Credentials(String username, String password) {

  /**
   * Returns the credentials written as {@code USER:PASSWORD}.
   *
   * @throws UsageException if there is no colon or either side is empty
   */
  static Credentials parse(String option, String value) throws UsageException {
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new UsageException(option + " expects USER:PASSWORD; got a value "
          + (colon < 0 ? "without a colon" : "with an empty user or password"));
    }
    return new Credentials(value.substring(0, colon), value.substring(colon + 1));
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=<hidden>]";
  }
}
