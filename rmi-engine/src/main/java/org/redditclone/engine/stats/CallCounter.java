package org.redditclone.engine.stats;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts remote calls per operation name, such as {@code posts.submit}. */
public final class CallCounter {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /**
   * Returns the counter of {@code operation}, which shows in snapshots with a count of 0 until it
   * is first called; a caller that counts often keeps it rather than look the name up each time.
   */
  public LongAdder register(String operation) {
    return counts.computeIfAbsent(Objects.requireNonNull(operation, "operation"), k -> new LongAdder());
  }

  /** Returns the count of every operation, by name. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((op, n) -> copy.put(op, n.sum()));
    return copy;
  }
}
