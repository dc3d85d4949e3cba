package org.redditclone.api;

/**
 * The engine could not make its change durable (its journal failed: a full disk, an I/O error),
 * so the change was not made. The engine refuses every call from then on and stops; a change
 * refused so is not there after the engine restarts, so a client may make it again then.
 */
public final class StorageFailedException extends RedditException {

  private static final long serialVersionUID = 1L;

  /** Creates the error with a message that names the cause and the engine's data folder. */
  public StorageFailedException(String message) {
    super(message);
  }

  @Override
  public String kind() {
    return "storage_failed";
  }
}
