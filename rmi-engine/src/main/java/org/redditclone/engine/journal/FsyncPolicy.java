package org.redditclone.engine.journal;

import java.util.Locale;

/**
 * When the journal forces what it wrote to the disk. Under every policy a call returns only once
 * its events are written to the journal's file (handed to the operating system), so a killed
 * engine process never loses an acknowledged change; the policies differ in what a crash of the
 * machine (power loss, kernel panic) loses.
 */
public enum FsyncPolicy {
  /** Before a call returns: nothing acknowledged is ever lost. Callers share forces (group commit). */
  ALWAYS,
  /** Every {@code --fsync-interval}: a crash of the machine loses at most that much. */
  INTERVAL,
  /**
   * Only when a segment is full: a crash of the machine loses what the operating system had not
   * yet written back (on Linux by default up to about 30 s of changes), with no bound promised.
   */
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
