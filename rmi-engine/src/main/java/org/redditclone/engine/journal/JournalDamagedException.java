package org.redditclone.engine.journal;

import java.io.IOException;
import java.nio.file.Path;

/** A record in the middle of the journal or in a snapshot is damaged; the engine will not start on it. */
public final class JournalDamagedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long offset;

  JournalDamagedException(Path file, long offset, String message) {
    super(message);
    this.file = file;
    this.offset = offset;
  }

  /** Returns the damaged file. */
  public Path file() {
    return file;
  }

  /** Returns the offset of the damaged record in {@link #file()}. */
  public long offset() {
    return offset;
  }
}
