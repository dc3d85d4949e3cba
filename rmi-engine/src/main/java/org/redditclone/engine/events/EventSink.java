package org.redditclone.engine.events;

/**
 * Observes every event the engine applies, in the order applied to each item. A journal plugs in
 * here. Called on the thread that makes the change, sometimes while that item's lock is held, so an
 * implementation must be thread-safe, quick, and must not call back into the engine.
 *
 * <p>Managers publish an event before they change anything, so a sink may refuse one by throwing
 * (a journal that can no longer write does): the change is then not made.
 */
@FunctionalInterface
public interface EventSink {

  /** A sink that ignores every event. */
  EventSink NONE = event -> {};

  /** Receives an event that is about to be applied; throws to stop it from being applied. */
  void accept(Event event);

  /**
   * Called on a thread whose answer reflects events that other threads published (a repeated
   * request answered from its first call's effect): a journal makes this thread's call wait for
   * them as it waits for the thread's own events. Does nothing by default.
   */
  default void dependOnPublished() {}
}
