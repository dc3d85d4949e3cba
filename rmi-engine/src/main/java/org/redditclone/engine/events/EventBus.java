package org.redditclone.engine.events;

import java.util.Objects;

/**
 * The one place managers publish applied events to. The sink can be swapped, so that a journal
 * replays into the engine with no sink and then attaches its own for new events.
 */
public final class EventBus {

  private volatile EventSink sink = EventSink.NONE;

  /** Sends an applied event to the current sink. */
  public void publish(Event event) {
    sink.accept(Objects.requireNonNull(event, "event"));
  }

  /** Makes the calling thread's call depend on every event published so far; see {@link EventSink}. */
  public void dependOnPublished() {
    sink.dependOnPublished();
  }

  /** Replaces the sink; {@link EventSink#NONE} detaches it. */
  public void setSink(EventSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }
}
