package org.redditclone.engine.journal;

import java.util.Locale;

/** When the journal forces what it wrote to the disk. */
public enum FsyncPolicy {
  /** Before a call returns: nothing acknowledged is ever lost. Callers share forces (group commit). */
  ALWAYS,
  /** Every {@code --fsync-interval}: a crash of the machine loses at most that much. */
  INTERVAL,
  /** Never: the operating system writes back when it likes. A killed process loses nothing written. */
  NONE;

  /** Returns the policy named {@code name} ({@code always}, {@code interval}, {@code none}). */
  public static FsyncPolicy parse(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** Returns the name as the command line spells it. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
