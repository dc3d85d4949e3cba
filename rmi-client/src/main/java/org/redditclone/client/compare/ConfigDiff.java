package org.redditclone.client.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.redditclone.client.report.RunDir;

/**
 * The configurations of both sides (run.properties) and where they differ.
 *
 * @param rows the shown keys with each side's value
 * @param warnings one line per difference that makes the comparison suspect
 */
record ConfigDiff(List<Entry> rows, List<String> warnings) {

  /**
   * Keys whose difference between the sides is warned about, with the keys under them ({@code
   * users} covers {@code users.total} and {@code users.client.1}), besides every key that holds
   * {@code version}.
   */
  static final List<String> COMPARED = List.of("clients", "users", "duration.s", "rate", "closed",
      "concurrency", "mix", "seed", "subreddits", "zipf.exponent", "online.mean.s",
      "offline.mean.s");

  /** Keys shown although a difference is expected: where and when the run was made. */
  static final List<String> SHOWN =
      List.of("host", "host.name", "started.iso", "ended.iso", "steady.duration.s");

  /**
   * One key.
   *
   * @param key the run.properties key
   * @param a side A's value: the runs' common value, or their values joined by {@code |}
   * @param b side B's value
   * @param differs whether a difference is warned about
   */
  record Entry(String key, String a, String b, boolean differs) {}

  ConfigDiff {
    rows = List.copyOf(rows);
    warnings = List.copyOf(warnings);
  }

  /** Returns the configuration rows and warnings of {@code a} against {@code b}. */
  static ConfigDiff of(Side a, Side b) {
    Set<String> all = new TreeSet<>();
    for (Side side : List.of(a, b)) {
      side.runs().forEach(run -> all.addAll(run.config().keySet()));
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String compared : COMPARED) {
      all.stream().filter(key -> under(key, compared)).forEach(keys::add);
    }
    all.stream().filter(ConfigDiff::isVersion).forEach(keys::add);
    SHOWN.stream().filter(all::contains).forEach(keys::add);
    List<Entry> rows = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (String key : keys) {
      if (!all.contains(key)) {
        continue;
      }
      String va = value(a, key);
      String vb = value(b, key);
      boolean checked = COMPARED.stream().anyMatch(c -> under(key, c)) || isVersion(key);
      boolean differs = checked && !va.equals(vb);
      rows.add(new Entry(key, va, vb, differs));
      if (differs) {
        warnings.add(key + " differs: A " + show(va) + ", B " + show(vb));
      }
    }
    for (Side side : List.of(a, b)) {
      for (RunDir run : side.runs()) {
        String consistency = run.config().get("consistency");
        if (consistency != null && !consistency.equals("PASS")) {
          warnings.add("run " + run.dir() + " (side " + side.label() + ") has consistency="
              + consistency);
        }
        if (run.config().isEmpty()) {
          warnings.add("run " + run.dir() + " (side " + side.label() + ") has no run.properties");
        }
      }
    }
    return new ConfigDiff(rows, warnings);
  }

  /** Returns whether {@code key} is {@code compared} or a key under it. */
  private static boolean under(String key, String compared) {
    return key.equals(compared) || key.startsWith(compared + ".");
  }

  private static boolean isVersion(String key) {
    return key.contains("version");
  }

  /** Returns the side's value of {@code key}: common to its runs, else the distinct values joined by |. */
  private static String value(Side side, String key) {
    Set<String> values = new LinkedHashSet<>();
    for (RunDir run : side.runs()) {
      values.add(run.config().getOrDefault(key, ""));
    }
    return String.join("|", values);
  }

  private static String show(String value) {
    return value.isEmpty() ? "(none)" : value;
  }
}
