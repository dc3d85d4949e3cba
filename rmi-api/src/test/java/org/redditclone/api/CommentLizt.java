package org.redditclone.api;

import java.io.Serial;
import java.io.Serializable;

/**
 * Has {@link CommentList}'s serialized shape and a name of the same length, so that a test can
 * craft a stream holding a CommentList itself (see WireFormTest).
 */
final class CommentLizt implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @SuppressWarnings("unused") // read and written by serialization only
  private final Comment[] comments;

  CommentLizt(Comment[] comments) {
    this.comments = comments;
  }
}
