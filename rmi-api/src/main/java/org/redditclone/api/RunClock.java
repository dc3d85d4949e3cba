package org.redditclone.api;

/**
 * Where the run's clock stands for one client, in times relative to the answer: the client adds
 * them to its own clock on receipt, so the hosts' clocks need not agree.
 *
 * @param startsInMillis when the client's measuring starts, from now; {@link #UNKNOWN} while
 *     the window waits for the expected clients (negative once it has started)
 * @param firstSecond the second of the window the client measures first: 0, or for a client that
 *     joined late the next whole second
 * @param endsInMillis when the window ends, from now; {@link #UNKNOWN} while not known
 * @param windowStartEpochMillis the window's start on the coordinator's clock: a label for the
 *     client's files, so that every client's intervals fall into the same seconds of the run;
 *     {@link #UNKNOWN} while not known
 * @param stop whether the client should end its load now (the run was aborted or stopped)
 */
public record RunClock(
    long startsInMillis, long firstSecond, long endsInMillis, long windowStartEpochMillis, boolean stop)
    implements java.io.Serializable {

  /** A time not known yet. */
  public static final long UNKNOWN = Long.MIN_VALUE;

  /** Returns whether the window's start is known. */
  public boolean windowKnown() {
    return windowStartEpochMillis != UNKNOWN;
  }
}
