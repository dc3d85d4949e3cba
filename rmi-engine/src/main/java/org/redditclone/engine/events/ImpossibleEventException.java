package org.redditclone.engine.events;

/**
 * An event that cannot follow the ones applied before it: it creates an id or a name that exists,
 * or names an id that does not. No live call makes one (ids are handed out once, names checked),
 * so a journal that holds one was written by two engines at once, or damaged in a way its
 * checksums cannot see. It is thrown before the event changes anything, and recovery stops at
 * that record, naming file and offset, as it does at a bad checksum.
 */
public final class ImpossibleEventException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private ImpossibleEventException(String message) {
    super(message);
  }

  /** Returns {@code found}, the item of kind {@code kind} that an event named by {@code id}. */
  public static <T> T require(T found, String kind, Object id) {
    if (found == null) {
      throw new ImpossibleEventException("no " + kind + " #" + id + "; an event names it before it exists");
    }
    return found;
  }

  /** Returns the refusal of an event that creates {@code kind} {@code id}, which exists. */
  public static ImpossibleEventException exists(String kind, Object id) {
    return new ImpossibleEventException(kind + " #" + id + " exists already; an event creates an id once");
  }

  /** Returns the refusal of an event, saying why it cannot be. */
  public static ImpossibleEventException because(String why) {
    return new ImpossibleEventException(why);
  }
}
