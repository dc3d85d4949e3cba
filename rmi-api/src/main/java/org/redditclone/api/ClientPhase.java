package org.redditclone.api;

/** Where a client JVM of a run is, as it reports to the coordinator. */
public enum ClientPhase {
  /** Registering, logging in and joining its users. */
  SETTING_UP,
  /** Set up: its load runs as a warm-up, recorded apart, until its window starts. */
  WARMING_UP,
  /** In the common window: each second is measured and reported. */
  MEASURING,
  /** Its window ended as planned; it uploads its files. */
  FINISHED,
  /** Asked to stop early (TERM, or the coordinator); it uploads its files. */
  STOPPED
}
