package org.redditclone.client.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.redditclone.client.report.RunDir;
import org.redditclone.client.runfiles.RunKeys.Run;

/**
 * The configurations of both sides (run.properties) and where they differ.
 *
 * @param rows the shown keys with each side's value
 * @param warnings one line per difference that makes the comparison suspect
 */
record ConfigDiff(List<Entry> rows, List<String> warnings) {

  /**
   * Keys whose difference between the sides is warned about, families included, besides every
   * key that holds {@code version}.
   */
  static final List<Run> COMPARED = List.of(Run.CLIENTS, Run.USERS_CLIENT, Run.USERS_TOTAL,
      Run.DURATION_S, Run.RATE, Run.CLOSED, Run.CONCURRENCY, Run.MIX, Run.SEED_CLIENT,
      Run.SUBREDDITS, Run.ZIPF_EXPONENT, Run.ONLINE_MEAN_S, Run.OFFLINE_MEAN_S);

  /**
   * Keys shown although a difference is expected: where, when and in which shape the run was made
   * (comparing the engine in the clients' JVM with the engine over RMI is a purpose of compare).
   */
  static final List<Run> SHOWN = List.of(Run.ENGINE, Run.HOST_NAME, Run.STARTED_ISO, Run.ENDED_ISO,
      Run.STEADY_DURATION_S);

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
    for (Run compared : COMPARED) {
      all.stream().filter(compared::matches).forEach(keys::add);
    }
    all.stream().filter(ConfigDiff::isVersion).forEach(keys::add);
    SHOWN.stream().map(Run::key).filter(all::contains).forEach(keys::add);
    List<Entry> rows = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (String key : keys) {
      if (!all.contains(key)) {
        continue;
      }
      String va = value(a, key);
      String vb = value(b, key);
      boolean checked = COMPARED.stream().anyMatch(c -> c.matches(key)) || isVersion(key);
      boolean differs = checked && !va.equals(vb);
      rows.add(new Entry(key, va, vb, differs));
      if (differs) {
        warnings.add(key + " differs: A " + show(va) + ", B " + show(vb));
      }
    }
    for (Side side : List.of(a, b)) {
      for (RunDir run : side.runs()) {
        String consistency = run.config().get(Run.CONSISTENCY.key());
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
