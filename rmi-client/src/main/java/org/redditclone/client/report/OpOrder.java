package org.redditclone.client.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.redditclone.client.metrics.Op;
import org.redditclone.client.runfiles.RunColumns;

/** The order of operations in merged.csv: {@link Op} order, unknown names by name, ALL last. */
final class OpOrder {

  /** Compares wire names in merged.csv's order. */
  static final Comparator<String> COMPARATOR =
      Comparator.comparingInt(OpOrder::rank).thenComparing(Comparator.naturalOrder());

  private OpOrder() {}

  /** Returns a copy of {@code byOp} in merged.csv's order of its keys. */
  static <V> Map<String, V> sorted(Map<String, V> byOp) {
    TreeMap<String, V> sorted = new TreeMap<>(COMPARATOR);
    sorted.putAll(byOp);
    return new LinkedHashMap<>(sorted);
  }

  private static int rank(String op) {
    if (op.equals(RunColumns.ALL)) {
      return Integer.MAX_VALUE;
    }
    try {
      return Op.fromWireName(op).ordinal();
    } catch (IllegalArgumentException e) {
      return Op.values().length;  // an operation of a newer run: after the known ones
    }
  }
}
