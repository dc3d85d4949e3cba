package org.redditclone.client.merge;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redditclone.client.metrics.Latencies;
import org.redditclone.client.metrics.SummaryRow;
import org.redditclone.client.runfiles.RunColumns;
import org.redditclone.client.runfiles.RunColumns.Zipf;
import org.redditclone.client.runfiles.RunFiles;
import org.redditclone.client.runfiles.RunKeys.Run;

/** Prints the outcome of a merge for a person at a terminal. */
public final class SummaryPrinter {

  /** The ranks of the Zipf check shown; zipf.csv has them all. */
  static final int ZIPF_ROWS = 10;

  private SummaryPrinter() {}

  /** Prints {@code outcome} of the run in {@code dir}; the last line is the path of merged.csv. */
  static void print(PrintStream out, Path dir, RunMerger.Outcome outcome) {
    Map<String, String> run = outcome.runProperties();
    out.println("run       " + dir.toAbsolutePath());
    out.println("clients   " + run.getOrDefault(Run.CLIENTS.key(), "") + " (finished: "
        + orNone(run.get(Run.CLIENTS_FINISHED.key())) + "; missing: "
        + orNone(run.get(Run.MISSING_CLIENTS.key())) + ")");
    if (run.containsKey(Run.LOST_CLIENTS.key())) {
      out.println("lost      " + run.get(Run.LOST_CLIENTS.key()) + " (stopped reporting; counted up to their last second)");
    }
    out.println("steady    " + Latencies.decimal(outcome.steadySeconds()) + " s");
    lagNote(outcome).ifPresent(note -> out.println("load      " + note));
    out.println();
    SummaryRow all = outcome.steady().get(outcome.steady().size() - 1);
    if (all.count() == 0 && all.errors() == 0) {
      out.println("nothing was measured: no call was recorded in the steady phase");
    } else {
      List<String[]> table = new ArrayList<>();
      table.add(RunColumns.header(RunColumns.Summary.values()).split(","));
      for (SummaryRow row : outcome.steady()) {
        table.add(row.csvLine().split(","));
      }
      printAligned(out, table);
      out.println();
      out.println("total     " + Latencies.decimal(all.throughputPerSecond()) + " ops/s, "
          + all.count() + " ok, " + all.errors() + " errors");
    }
    out.println();
    if (outcome.zipf().isEmpty()) {
      out.println(outcome.zipfNote().isEmpty() ? "no Zipf check: no subreddits" : outcome.zipfNote());
    } else {
      ZipfCheck.Result zipf = outcome.zipf().get();
      out.println("Zipf: subreddits=" + run.get(Run.SUBREDDITS.key()) + " exponent="
          + run.get(Run.ZIPF_EXPONENT.key()));
      List<String[]> rows = new ArrayList<>();
      rows.add(RunColumns.header(RunColumns.through(Zipf.values(), Zipf.POSTS)).split(","));
      for (ZipfCheck.Row row : zipf.rows().subList(0, Math.min(ZIPF_ROWS, zipf.rows().size()))) {
        rows.add(new String[] {Integer.toString(row.rank()), row.subreddit(),
            Long.toString(row.members()), Latencies.decimal(row.expected()),
            Long.toString(row.posts())});
      }
      printAligned(out, rows);
      out.println(zipf.fitLine());
      out.println(zipf.postsLine());
    }
    out.println();
    out.print(outcome.consistency().summary());
    out.println();
    out.println(dir.resolve(RunFiles.MERGED_CSV).toAbsolutePath());
  }

  /**
   * Returns the warning that the load generator fell behind, naming the clients and the seconds;
   * empty when no client's schedule lag exceeded the limit.
   */
  static java.util.Optional<String> lagNote(RunMerger.Outcome outcome) {
    if (outcome.laggingSeconds().isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(lagNote(outcome.laggingSeconds(), outcome.laggingClients()));
  }

  /** Returns the warning for {@code clients} lagging in {@code seconds}. */
  public static String lagNote(java.util.SortedSet<Long> seconds, java.util.SortedSet<Integer> clients) {
    String shown = seconds.stream().limit(10).map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    return "schedule lag p99 above " + RunColumns.LAG_LIMIT_MS + " ms in " + seconds.size() + " second(s) ("
        + shown + (seconds.size() > 10 ? ",..." : "") + ") on client(s) "
        + clients.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))
        + ": the clients, not the engine, may have been the bottleneck";
  }

  /** Prints rows with each column right-aligned to its widest cell, the first column left-aligned. */
  static void printAligned(PrintStream out, List<String[]> rows) {
    int columns = rows.stream().mapToInt(row -> row.length).max().orElse(0);
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        String pad = " ".repeat(widths[i] - cell.length());
        line.append(i == 0 ? cell + pad : "  " + pad + cell);
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String orNone(String ids) {
    return ids == null || ids.isEmpty() ? "none" : ids;
  }
}
