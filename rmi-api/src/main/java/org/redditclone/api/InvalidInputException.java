package org.redditclone.api;

/** An input broke a rule of the contract; the message names the field, the value and the rule. */
public final class InvalidInputException extends RedditException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /** Creates the error for {@code field}: the message reads "field 'value' rule". */
  public InvalidInputException(String field, Object value, String rule) {
    super(field + " " + quote(value) + " " + rule);
    this.field = field;
  }

  /** Returns the name of the field that broke the rule. */
  public String field() {
    return field;
  }

  @Override
  public String kind() {
    return "invalid_input";
  }
}
