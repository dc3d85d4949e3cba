package org.redditclone.engine.requests;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Limits;

/**
 * One user's applied request ids, the newest {@link #WINDOW}, each with its kind and result id, and
 * the ids of the user's calls in progress. Thread-safe: its monitor guards everything.
 *
 * <p>A ring of three parallel arrays that grows from 8 to the window as the user makes requests
 * (most users make few): 17 bytes an entry, no object per entry. A lookup scans it, at most
 * {@link #WINDOW} longs, which is cheaper than the call it guards; said here because it is linear.
 */
public final class AppliedRequests {

  /** How many request ids are kept. */
  public static final int WINDOW = Limits.REQUEST_IDS_KEPT;

  /** A request applied earlier. */
  public record Applied(RequestKind kind, long resultId) {}

  private static final long[] NO_LONGS = {};
  private static final byte[] NO_BYTES = {};

  private long[] ids = NO_LONGS;
  private long[] results = NO_LONGS;
  private byte[] kinds = NO_BYTES;
  private int oldest;
  private int size;
  private Set<Long> inProgress; // created on first use

  /**
   * Returns the earlier application of {@code requestId}, or null after marking it in progress, in
   * which case the caller must call {@link #end} when its call is over. Waits while another call
   * with the same id is in progress, so that two concurrent duplicates apply once.
   *
   * @throws InvalidInputException if the id was applied for a call of another kind
   */
  public synchronized Applied begin(long requestId, RequestKind kind) throws InvalidInputException {
    boolean interrupted = false;
    try {
      while (inProgress != null && inProgress.contains(requestId)) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true; // the call in progress ends soon; its answer is owed to this caller
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    int i = indexOf(requestId);
    if (i >= 0) {
      RequestKind was = RequestKind.of(kinds[i]);
      if (was != kind) {
        throw new InvalidInputException("requestId", requestId, "was applied to a call of kind "
            + was + ", not " + kind + "; every change needs a request id of its own");
      }
      return new Applied(was, results[i]);
    }
    if (inProgress == null) {
      inProgress = new HashSet<>(4);
    }
    inProgress.add(requestId);
    return null;
  }

  /** Ends the call in progress of {@code requestId}, applied or not, and wakes its duplicates. */
  public synchronized void end(long requestId) {
    if (inProgress != null && inProgress.remove(requestId)) {
      notifyAll();
    }
  }

  /**
   * Records an applied request, evicting the oldest beyond the window; an id already recorded is
   * left as it is. Called by the code path that applies the request's event, live or in replay.
   */
  public synchronized void record(long requestId, RequestKind kind, long resultId) {
    if (requestId == 0 || indexOf(requestId) >= 0) {
      return;
    }
    if (size == ids.length && size < WINDOW) {
      grow();
    }
    int slot;
    if (size < ids.length) {
      slot = (oldest + size) % ids.length;
      size++;
    } else {
      slot = oldest;
      oldest = (oldest + 1) % ids.length;
    }
    ids[slot] = requestId;
    kinds[slot] = (byte) kind.ordinal();
    results[slot] = resultId;
  }

  /** Returns the recorded request ids, oldest first, with their kinds and results. */
  public synchronized Window window() {
    long[] i = new long[size];
    byte[] k = new byte[size];
    long[] r = new long[size];
    for (int n = 0; n < size; n++) {
      int slot = (oldest + n) % ids.length;
      i[n] = ids[slot];
      k[n] = kinds[slot];
      r[n] = results[slot];
    }
    return new Window(i, k, r);
  }

  /** Replaces the recorded requests with {@code window}, as a snapshot saved them. */
  public synchronized void reset(Window window) {
    int n = window.size();
    int capacity = Math.min(WINDOW, Math.max(8, Integer.highestOneBit(Math.max(1, n - 1)) << 1));
    ids = new long[capacity];
    kinds = new byte[capacity];
    results = new long[capacity];
    oldest = 0;
    size = 0;
    int from = Math.max(0, n - WINDOW);
    for (int j = from; j < n; j++) {
      ids[size] = window.ids()[j];
      kinds[size] = window.kinds()[j];
      results[size] = window.results()[j];
      size++;
    }
  }

  /** Returns how many request ids are recorded. */
  public synchronized int size() {
    return size;
  }

  private int indexOf(long requestId) {
    long[] a = ids;
    for (int n = 0; n < size; n++) {
      int slot = (oldest + n) % a.length;
      if (a[slot] == requestId) {
        return slot;
      }
    }
    return -1;
  }

  private void grow() {
    int capacity = ids.length == 0 ? 8 : Math.min(WINDOW, ids.length * 2);
    Window w = window();
    ids = Arrays.copyOf(w.ids(), capacity);
    kinds = Arrays.copyOf(w.kinds(), capacity);
    results = Arrays.copyOf(w.results(), capacity);
    oldest = 0;
  }

  /**
   * Applied requests in order, oldest first: parallel arrays of ids, kind ordinals and result ids.
   */
  public record Window(long[] ids, byte[] kinds, long[] results) {

    public Window {
      if (ids.length != kinds.length || ids.length != results.length) {
        throw new IllegalArgumentException("a window of " + ids.length + " ids has "
            + kinds.length + " kinds and " + results.length + " results");
      }
    }

    /** Returns the number of requests. */
    public int size() {
      return ids.length;
    }
  }
}
