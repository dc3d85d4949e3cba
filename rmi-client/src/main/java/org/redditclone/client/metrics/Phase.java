package org.redditclone.client.metrics;

import java.util.Locale;

/** The phases of a client's run: setup (register, create, join) and then the steady load. */
public enum Phase {
  SETUP,
  STEADY;

  private final String fileName = name().toLowerCase(Locale.ROOT);

  /** Returns the name of the phase in files: {@code setup} or {@code steady}. */
  public String fileName() {
    return fileName;
  }

  /** Returns the phase named {@code name} in a file, or throws IllegalArgumentException naming it. */
  public static Phase parse(String name) {
    for (Phase phase : values()) {
      if (phase.fileName.equals(name)) {
        return phase;
      }
    }
    throw new IllegalArgumentException("phase '" + name + "' is unknown; the phases are setup, steady");
  }
}
