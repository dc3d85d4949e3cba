package org.redditclone.client.metrics;

/** The phases of a client's run: setup (register, create, join) and then the steady load. */
public enum Phase {
  SETUP,
  STEADY
}
