package org.redditclone.client.metrics;

import static java.util.Objects.requireNonNull;

/**
 * The tag of one histogram in an interval log: an operation and whether its calls failed.
 *
 * <p>On disk a success tag is the operation's wire name ({@code post}) and an error tag adds
 * {@value #ERROR_SUFFIX} ({@code post.error}).
 *
 * @param op the operation
 * @param error whether the histogram holds failed calls
 */
public record Tag(Op op, boolean error) {

  /** The suffix of the tags of failed calls. */
  public static final String ERROR_SUFFIX = ".error";

  public Tag {
    requireNonNull(op, "op");
  }

  /** Returns the tag of the successful calls of {@code op}. */
  public static Tag success(Op op) {
    return new Tag(op, false);
  }

  /** Returns the tag of the failed calls of {@code op}. */
  public static Tag failure(Op op) {
    return new Tag(op, true);
  }

  /** Returns the text written in interval logs: {@code post} or {@code post.error}. */
  public String wireName() {
    return error ? op.wireName() + ERROR_SUFFIX : op.wireName();
  }

  /** Returns the tag written as {@code text}, or throws IllegalArgumentException naming it. */
  public static Tag parse(String text) {
    requireNonNull(text, "text");
    if (text.endsWith(ERROR_SUFFIX)) {
      return failure(Op.fromWireName(text.substring(0, text.length() - ERROR_SUFFIX.length())));
    }
    return success(Op.fromWireName(text));
  }

  @Override
  public String toString() {
    return wireName();
  }
}
