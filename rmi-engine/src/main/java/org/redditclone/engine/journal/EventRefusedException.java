package org.redditclone.engine.journal;

import org.redditclone.api.StorageFailedException;

/**
 * Thrown by {@link Journal#accept} when the journal can no longer append (it failed, or it is
 * closing): the event was not appended, and the manager that published it, which publishes
 * before it changes anything, changes nothing. The service proxy ({@link
 * org.redditclone.engine.rmi.ServiceCalls}) answers the call with {@link #refusal()}.
 */
public final class EventRefusedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final transient StorageFailedException refusal;

  EventRefusedException(StorageFailedException refusal) {
    super(refusal.getMessage());
    this.refusal = refusal;
  }

  /** Returns the error the caller of the refused change gets. */
  public StorageFailedException refusal() {
    return refusal;
  }
}
