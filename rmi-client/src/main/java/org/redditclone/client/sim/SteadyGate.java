package org.redditclone.client.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * When the steady phase starts: at once; with {@code --warmup D}, D after setup; or, with {@code
 * --steady-start-file}, at the epoch millisecond written in that file by whoever coordinates
 * several client JVMs (scripts/bench.sh), so that every client measures the same wall-clock
 * window. Until then the client runs its load as a warm-up.
 */
final class SteadyGate {

  /** How often the file is looked for: often enough to start within a few ms of the time. */
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final Path file;
  private final boolean warmsUp;
  private volatile long startEpochMillis = -1;
  private volatile long nextPollNanos;

  private SteadyGate(Path file, boolean warmsUp) {
    this.file = file;
    this.warmsUp = warmsUp;
  }

  /** Returns a gate over {@code file}, or one that is open at once when it is null. */
  static SteadyGate of(Path file) {
    SteadyGate gate = new SteadyGate(file, file != null);
    if (file == null) {
      gate.startEpochMillis = 0;
    }
    return gate;
  }

  /** Returns the gate of {@code file} if it is not null, else one opening {@code warmup} from now. */
  static SteadyGate of(Path file, Duration warmup) {
    return file != null ? of(file) : after(warmup);
  }

  /** Returns a gate that opens {@code warmup} from now; at once if it is zero. */
  static SteadyGate after(Duration warmup) {
    SteadyGate gate = new SteadyGate(null, !warmup.isZero());
    gate.startEpochMillis = System.currentTimeMillis() + warmup.toMillis();
    return gate;
  }

  /** Returns whether the client warms up before its steady phase. */
  boolean warmsUp() {
    return warmsUp;
  }

  /** Returns whether the steady phase may start now; cheap enough to ask before every call. */
  boolean reached() {
    long start = startEpochMillis;
    if (start < 0) {
      long now = System.nanoTime();
      if (now < nextPollNanos) {
        return false;
      }
      nextPollNanos = now + POLL_NANOS;
      start = read();
      if (start < 0) {
        return false;
      }
      startEpochMillis = start;
    }
    return System.currentTimeMillis() >= start;
  }

  /** Returns a stop condition for the warm-up: the gate reached, or {@code stop}. */
  BooleanSupplier orElse(BooleanSupplier stop) {
    return () -> stop.getAsBoolean() || reached();
  }

  private long read() {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).trim();
      return text.isEmpty() ? -1 : Long.parseLong(text);
    } catch (NoSuchFileException e) {
      return -1;
    } catch (IOException | NumberFormatException e) {
      return -1; // written but not complete yet: look again at the next poll
    }
  }
}
