package org.redditclone.engine.events;

import java.util.Objects;

/**
 * The one place managers publish applied events to, live and in replay alike. Each event goes
 * first to the sink, which can be swapped, so that a journal replays into the engine with no sink
 * and then attaches its own for new events; then to the bookkeeper, which the engine sets once (it
 * keeps the request windows). The sink comes first because it may refuse the event by throwing
 * (a journal that can no longer write), and a refused event must change nothing, its request
 * window included.
 */
public final class EventBus {

  private volatile EventSink bookkeeper = EventSink.NONE;
  private volatile EventSink sink = EventSink.NONE;

  /**
   * Sends an event about to be applied to the current sink, then to the bookkeeper.
   *
   * @throws RuntimeException whatever the sink throws to refuse the event; the bookkeeper has then
   *     not seen it
   */
  public void publish(Event event) {
    Objects.requireNonNull(event, "event");
    sink.accept(event);
    bookkeeper.accept(event);
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
   * Sets what sees every event after the sink: state that every applied event updates, whoever
   * applied it, and that no manager owns (the request windows).
   */
  public void setBookkeeper(EventSink bookkeeper) {
    this.bookkeeper = Objects.requireNonNull(bookkeeper, "bookkeeper");
  }
}
