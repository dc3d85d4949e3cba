package org.redditclone.client.runfiles;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The columns of a run's CSV files, in file order, each with what it holds: {@link Summary}
 * (client-K.csv, client-K.setup.csv, merged.csv, setup.csv), {@link Timeline} (timeline.csv),
 * {@link Errors} (client-K.errors.csv, errors.csv), {@link Online} (client-K.online.csv),
 * {@link Users} (client-K.users.csv), {@link Engine} (engine.csv) and {@link Zipf} (zipf.csv). Every file opens with the header of its columns; writers and readers
 * go through {@link CsvFile} with these constants. A new column is appended, never inserted, so
 * that a reader of the earlier columns reads newer files too. Latencies are milliseconds with three
 * decimals, {@code NaN} where there were no calls.
 */
public final class RunColumns {

  /** A column of a CSV file of a run: its name in the header is its constant's, in lower case. */
  public interface Column {

    /** Returns the constant's name, e.g. {@code P99_MS}. */
    String name();

    /** Returns the column's position, 0 first. */
    int ordinal();

    /** Returns what the column holds. */
    String meaning();

    /** Returns the column's name in the header, e.g. {@code p99_ms}. */
    default String header() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private RunColumns() {}

  /** Returns the header line of {@code columns}, without a line break. */
  public static String header(Column[] columns) {
    return Arrays.stream(columns).map(Column::header).collect(Collectors.joining(","));
  }

  /**
   * Returns {@code columns} up to {@code last}, included: what a reader needs of a file that may
   * come from an earlier run, before later columns were appended.
   */
  public static <C extends Column> C[] through(C[] columns, C last) {
    return Arrays.copyOf(columns, last.ordinal() + 1);
  }

  /** Returns the columns of every kind of CSV file of a run. */
  public static List<Column[]> kinds() {
    return List.of(Summary.values(), Timeline.values(), Errors.values(), Online.values(),
        Users.values(), Engine.values(), Zipf.values());
  }

  /** The op column's value in the row that sums all operations. */
  public static final String ALL = "ALL";

  /** A client's schedule-lag p99 above this many milliseconds in a second marks that second. */
  public static final int LAG_LIMIT_MS = 10;

  /** A summary: one row per operation that occurred, then {@value #ALL}. */
  public enum Summary implements Column {
    OP("the operation (register, post, vote_post, ...) or ALL"),
    COUNT("successful calls"),
    ERRORS("failed calls"),
    THROUGHPUT_PER_S("successful calls per second of the phase"),
    MEAN_MS("mean latency of the successful calls"),
    P50_MS("median latency"),
    P90_MS("90th percentile"),
    P99_MS("99th percentile"),
    P999_MS("99.9th percentile"),
    MAX_MS("highest latency");

    private final String meaning;

    Summary(String meaning) {
      this.meaning = meaning;
    }

    @Override
    public String meaning() {
      return meaning;
    }
  }

  /**
   * timeline.csv: per second of the steady phase, a row per operation with calls, then ALL. Files
   * of earlier runs end after {@link #USERS_ONLINE}.
   */
  public enum Timeline implements Column {
    SECOND("the second of the steady phase, 0 first"),
    OP("the operation or ALL"),
    COUNT("successful calls in the second"),
    ERRORS("failed calls in the second"),
    P50_MS("median latency of the second's successful calls"),
    P99_MS("99th percentile"),
    USERS_ONLINE("users online over all clients"),
    CLIENTS("client JVMs that measured in the second (the same on every row of the second)"),
    ENGINE_GC_MS("the engine's stop-the-world GC pauses in the second, milliseconds; `NaN` when the engine "
        + "was not read (no engine.csv)"),
    ENGINE_CPU_PCT("the engine process's CPU in the second, percent of one core; `NaN` when not read"),
    LAG_P99_MS("the worst client's schedule lag in the second: the 99th percentile of how late its planned "
        + "calls started, milliseconds; above " + LAG_LIMIT_MS + " the clients, not the engine, may have "
        + "been the bottleneck; `NaN` when no client planned calls (closed loop)");

    private final String meaning;

    Timeline(String meaning) {
      this.meaning = meaning;
    }

    @Override
    public String meaning() {
      return meaning;
    }
  }

  /** Failed calls by phase, operation and error type, sorted in that order. */
  public enum Errors implements Column {
    PHASE("setup or steady"),
    OP("the operation"),
    ERROR_TYPE("the exception's simple class name, or why the call was never made"),
    COUNT("failed calls");

    private final String meaning;

    Errors(String meaning) {
      this.meaning = meaning;
    }

    @Override
    public String meaning() {
      return meaning;
    }
  }

  /**
   * client-K.online.csv: the client's users online, sampled every second of the steady phase, and
   * its schedule lag. Files of earlier runs end after {@link #ONLINE}.
   */
  public enum Online implements Column {
    EPOCH_MS("the time of the sample, epoch ms: the end of the second it closes"),
    ONLINE("the client's users online"),
    LAG_P99_MS("the 99th percentile of how late the client's planned calls started in the second (open "
        + "loop), milliseconds; `NaN` when none was planned");

    private final String meaning;

    Online(String meaning) {
      this.meaning = meaning;
    }

    @Override
    public String meaning() {
      return meaning;
    }
  }

  /** engine.csv: the engine's GC and CPU, read by the run coordinator at the end of each second of the window. */
  public enum Engine implements Column {
    EPOCH_MS("the end of the second the reading closes, epoch ms on the coordinator's clock"),
    GC_COUNT("the engine's stop-the-world garbage collections in the second"),
    GC_MS("the time they took, milliseconds"),
    CPU_PCT("the engine process's CPU in the second, percent of one core; `NaN` if unknown");

    private final String meaning;

    Engine(String meaning) {
      this.meaning = meaning;
    }

    @Override
    public String meaning() {
      return meaning;
    }
  }

  /**
   * client-K.users.csv: what the engine acknowledged to each user of the client during the run, a
   * row per user with any count not 0. The counts besides {@link #USER} are the items of the
   * consistency check, named as its keys name them.
   */
  public enum Users implements Column {
    USER("the user's name"),
    POSTS("posts and reposts the engine acknowledged to the user"),
    COMMENTS("comments and replies acknowledged"),
    VOTES("the user's votes standing at the end, as acknowledged"),
    MESSAGES("messages and message replies acknowledged"),
    MEMBERSHIPS("joins minus leaves acknowledged, a creator's join included"),
    SUBREDDITS("subreddits the user created");

    private final String meaning;

    Users(String meaning) {
      this.meaning = meaning;
    }

    @Override
    public String meaning() {
      return meaning;
    }

    /** Returns the counted items, every column but {@link #USER}, in file order. */
    public static List<Users> items() {
      return Arrays.stream(values()).filter(c -> c != USER).toList();
    }
  }

  /**
   * zipf.csv: every subreddit of the run at the end, most members first, against the configured
   * Zipf law. Files of earlier runs end after {@link #EXPECTED}.
   */
  public enum Zipf implements Column {
    RANK("1 for the most joined"),
    SUBREDDIT("the subreddit's name"),
    MEMBERS("its members at the end of the run"),
    EXPECTED("the members the configured Zipf law predicts for its rank"),
    POSTS("its posts at the end of the run"),
    EXPONENT("the configured Zipf exponent (the same on every row)"),
    FITTED_EXPONENT("the exponent fitted to the members of the top ranks (the same on every row)");

    private final String meaning;

    Zipf(String meaning) {
      this.meaning = meaning;
    }

    @Override
    public String meaning() {
      return meaning;
    }
  }
}
