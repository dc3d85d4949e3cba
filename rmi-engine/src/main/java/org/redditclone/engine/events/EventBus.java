package org.redditclone.engine.events;

import java.util.Objects;

/**
 * The one place managers publish applied events to, live and in replay alike. Each event goes
 * first to the bookkeeper, which the engine sets once (it keeps the request windows), then to the
 * sink, which can be swapped, so that a journal replays into the engine with no sink and then
 * attaches its own for new events.
 */
public final class EventBus {

  private volatile EventSink bookkeeper = EventSink.NONE;
  private volatile EventSink sink = EventSink.NONE;

  /** Sends an applied event to the bookkeeper, then to the current sink. */
  public void publish(Event event) {
    Objects.requireNonNull(event, "event");
    bookkeeper.accept(event);
    sink.accept(event);
  }

  /** Makes the calling thread's call depend on every event published so far; see {@link EventSink}. */
  public void dependOnPublished() {
    sink.dependOnPublished();
  }

  /** Replaces the sink; {@link EventSink#NONE} detaches it. */
  public void setSink(EventSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /**
   * Sets what sees every event before the sink: state that every applied event updates, whoever
   * applied it, and that no manager owns (the request windows).
   */
  public void setBookkeeper(EventSink bookkeeper) {
    this.bookkeeper = Objects.requireNonNull(bookkeeper, "bookkeeper");
  }
}
