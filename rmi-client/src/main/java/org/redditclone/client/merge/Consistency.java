package org.redditclone.client.merge;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.redditclone.client.runfiles.RunKeys.Run;
import org.redditclone.client.runfiles.RunKeys;

/**
 * Compares what the engine counted during a run (its counts now minus the baseline) with what the
 * clients were acknowledged, item by item. Any reason (a missing baseline, a client that reported
 * it did not finish) fails the check. A check that cannot be made at all (a client left no report
 * or died during the run, so what it was acknowledged is unknown; the engine did not answer) is
 * {@value #NOT_CHECKED}, not a failure: nothing says the engine and the clients disagree.
 */
final class Consistency {

  /**
   * The compared items: the engine's counts of {@link RunKeys.Baseline} but users; a client
   * writes each as {@code acked.<item>} ({@link RunKeys.Client#acked}).
   */
  static final List<String> ITEMS = Stream.of(RunKeys.Baseline.POSTS, RunKeys.Baseline.COMMENTS,
      RunKeys.Baseline.VOTES, RunKeys.Baseline.MESSAGES, RunKeys.Baseline.MEMBERSHIPS,
      RunKeys.Baseline.SUBREDDITS).map(RunKeys.Baseline::key).toList();

  static final String PASS = "PASS";
  static final String FAIL = "FAIL";
  static final String NOT_CHECKED = "not checked";

  /**
   * One item.
   *
   * @param name the item, e.g. {@code votes}
   * @param engine what the engine counted during the run
   * @param clients the sum of the clients' acknowledged counts
   */
  record Item(String name, long engine, long clients) {

    boolean pass() {
      return engine == clients;
    }

    /** Returns e.g. {@code FAIL engine=118 clients=120}. */
    String verdict() {
      return (pass() ? PASS : FAIL) + " engine=" + engine + " clients=" + clients;
    }
  }

  /**
   * The outcome of the check.
   *
   * @param items every compared item
   * @param reasons why the check fails regardless of the items, or why it was not made; empty
   *     when there is none
   * @param checked whether the counts were compared at all
   */
  record Result(List<Item> items, List<String> reasons, boolean checked) {

    Result {
      items = List.copyOf(items);
      reasons = List.copyOf(reasons);
    }

    boolean pass() {
      return checked && reasons.isEmpty() && items.stream().allMatch(Item::pass);
    }

    /** Returns {@value #PASS}, {@value #FAIL} or {@value #NOT_CHECKED}. */
    String verdict() {
      return !checked ? NOT_CHECKED : pass() ? PASS : FAIL;
    }

    /** Returns the keys and values: {@code consistency.<item>}, {@code consistency}, the reason. */
    Map<String, String> entries() {
      Map<String, String> entries = new LinkedHashMap<>();
      for (Item item : items) {
        entries.put(Run.CONSISTENCY_ITEM.key(item.name()), item.verdict());
      }
      entries.put(Run.CONSISTENCY.key(), verdict());
      List<String> why = new ArrayList<>(reasons);
      items.stream()
          .filter(item -> !item.pass())
          .forEach(item -> why.add(item.name() + ": the engine counted " + item.engine()
              + " but the clients were acknowledged " + item.clients()));
      if (!why.isEmpty()) {
        entries.put(Run.CONSISTENCY_REASON.key(), String.join("; ", why));
      }
      return entries;
    }

    /** Returns the entries as {@code key=value} lines. */
    String text() {
      return entries().entrySet().stream()
          .map(entry -> entry.getKey() + "=" + entry.getValue() + "\n")
          .collect(Collectors.joining());
    }
  }

  private Consistency() {}

  /**
   * Returns the comparison of {@code engineDuringRun} with {@code clientSums}, item by item;
   * {@code reasons} fail the check whatever the counts say.
   *
   * @throws IllegalArgumentException if either map lacks an item
   */
  static Result compare(
      Map<String, Long> engineDuringRun, Map<String, Long> clientSums, List<String> reasons) {
    requireNonNull(reasons, "reasons");
    List<Item> items = new ArrayList<>();
    for (String name : ITEMS) {
      items.add(new Item(name, require(engineDuringRun, name, "engine"),
          require(clientSums, name, "clients")));
    }
    return new Result(items, reasons, true);
  }

  /** Returns the result of a check that could not be made, for the reasons given. */
  static Result notChecked(List<String> reasons) {
    return new Result(List.of(), reasons, false);
  }

  /** Returns {@code now - baseline} for every item. */
  static Map<String, Long> difference(Map<String, Long> now, Map<String, Long> baseline) {
    Map<String, Long> difference = new LinkedHashMap<>();
    for (String name : ITEMS) {
      difference.put(name, require(now, name, "now") - require(baseline, name, "baseline"));
    }
    return difference;
  }

  private static long require(Map<String, Long> counts, String name, String what) {
    Long value = counts.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the " + what + " counts lack " + name + ": " + counts);
    }
    return value;
  }
}
