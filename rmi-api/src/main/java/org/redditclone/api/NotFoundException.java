package org.redditclone.api;

/** Something named by the request does not exist. */
public final class NotFoundException extends RedditException {

  private static final long serialVersionUID = 1L;

  /** Creates the error with a message that names the field, the value and the rule. */
  public NotFoundException(String message) {
    super(message);
  }

  /** Returns the error for a {@code field} whose {@code value} names nothing that exists. */
  public static NotFoundException of(String field, Object value) {
    return new NotFoundException("no " + field + " " + quote(value) + " exists");
  }

  /**
   * Returns {@code found}, what {@code value} of {@code field} names.
   *
   * @throws NotFoundException ({@link #of}) if it is null: the value names nothing that exists
   */
  public static <T> T require(T found, String field, Object value) throws NotFoundException {
    if (found == null) {
      throw of(field, value);
    }
    return found;
  }

  @Override
  public String kind() {
    return "not_found";
  }
}
