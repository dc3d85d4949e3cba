package org.redditclone.engine.events;

import java.time.Clock;
import java.util.Objects;

/**
 * What every manager that changes state shares: the bus its events go out on and the clock that
 * stamps them. A manager publishes an event before the change is visible, so that an event the
 * sink refuses throws before anything changed.
 */
public abstract class Publisher {

  private final EventBus bus;
  private final Clock clock;

  /** Creates a manager that publishes on {@code bus} the events {@code clock} stamps. */
  protected Publisher(EventBus bus, Clock clock) {
    this.bus = Objects.requireNonNull(bus, "bus");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns the time now, epoch milliseconds, for a new event. */
  protected final long now() {
    return clock.millis();
  }

  /** Publishes an event about to be applied; a refused one throws here, before anything changed. */
  protected final void publish(Event e) {
    bus.publish(e);
  }
}
