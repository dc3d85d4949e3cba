package org.redditclone.engine.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.ImpossibleEventException;
import org.redditclone.engine.journal.Frames.Kind;
import org.redditclone.engine.journal.Frames.Read;

/** Reads the events of one segment or snapshot file into a consumer, stopping at the first problem. */
final class RecordFiles {

  private RecordFiles() {}

  /**
   * How reading a file ended.
   *
   * @param events events read and consumed
   * @param end {@link Kind#END} if the whole file was read, else the kind of problem
   * @param offset where the file ended or the problem record starts
   * @param problem what was wrong, null at {@link Kind#END}
   */
  record Outcome(long events, Kind end, long offset, String problem) {
    boolean clean() {
      return end == Kind.END;
    }
  }

  /**
   * Reads {@code file}, which must start with {@code magic}, and gives each event to {@code sink}.
   * A record that does not decode, or that {@code sink} refuses with a runtime exception (an event
   * that cannot follow the ones before it), stops the read as {@link Kind#BAD}.
   */
  static Outcome read(Path file, byte[] magic, Consumer<Event> sink) throws IOException {
    long events = 0;
    try (Frames.Reader reader = new Frames.Reader(file)) {
      Read bad = reader.checkMagic(magic);
      if (bad != null) {
        return new Outcome(0, bad.kind(), bad.offset(), bad.problem());
      }
      while (true) {
        Read r = reader.next();
        if (r.kind() != Kind.RECORD) {
          return new Outcome(events, r.kind(), r.offset(), r.problem());
        }
        Event e;
        try {
          e = EventCodec.decode(r.payload());
        } catch (IOException | RuntimeException x) {
          return new Outcome(events, Kind.BAD, r.offset(), "record does not decode: " + x.getMessage());
        }
        try {
          sink.accept(e);
        } catch (RuntimeException x) {
          String why = x instanceof ImpossibleEventException ? x.getMessage() : x.toString();
          return new Outcome(events, Kind.BAD, r.offset(), "the " + e.getClass().getSimpleName()
              + " record cannot be applied: " + why);
        }
        events++;
      }
    }
  }

  /** Returns {@code file:offset}, as every message about a record names it. */
  static String where(Path file, long offset) {
    return file + " at offset " + offset;
  }
}
