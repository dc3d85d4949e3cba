package org.redditclone.client.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.redditclone.api.Durations;
import org.redditclone.client.connect.RegistryAddress;

/**
 * The options of one simulator JVM, parsed and checked. Every bad option fails with an {@link
 * IllegalArgumentException} whose message names the option and the value.
 */
final class SimOptions {

  static final int DEFAULT_USERS = 1000;
  static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
  static final int DEFAULT_SUBREDDITS = 100;
  static final double DEFAULT_ZIPF_EXPONENT = 1.0;
  static final double DEFAULT_RATE = 200;
  static final int DEFAULT_CONCURRENCY = 32;
  static final Duration DEFAULT_ONLINE_MEAN = Duration.ofSeconds(20);
  static final Duration DEFAULT_OFFLINE_MEAN = Duration.ofSeconds(5);
  /** The most workers by default: enough for the default rate. */
  static final int DEFAULT_WORKERS = 48;
  static final int MIN_WORKERS = 4;
  static final int DEFAULT_SETUP_PARALLELISM = 16;
  static final int MAX_SUBREDDITS = 99_999;
  static final Duration MAX_DURATION = Duration.ofDays(7);
  /** Parse and check the other options, then exit: how the scripts check before they start. */
  static final String CHECK_OPTIONS = "--check-options";

  RegistryAddress registry = RegistryAddress.LOCAL_DEFAULT;
  RegistryAddress coordinator;
  int clientId;
  int users = DEFAULT_USERS;
  Duration duration = DEFAULT_DURATION;
  Duration warmup = Duration.ZERO;
  long seed;
  boolean seedGiven;
  int subreddits = DEFAULT_SUBREDDITS;
  double zipfExponent = DEFAULT_ZIPF_EXPONENT;
  double rate = DEFAULT_RATE;
  boolean closed;
  int concurrency = DEFAULT_CONCURRENCY;
  ActionMix mix = ActionMix.defaults();
  Duration onlineMean = DEFAULT_ONLINE_MEAN;
  Duration offlineMean = DEFAULT_OFFLINE_MEAN;
  int workers = DEFAULT_WORKERS;
  int setupParallelism = DEFAULT_SETUP_PARALLELISM;
  Path out;
  boolean ping;
  Path steadyStartFile;
  boolean help;
  boolean checkOnly;

  private SimOptions() {}

  /** Returns the help text: every option with its default. */
  static String usage() {
    return String.join(
        "\n",
        "Usage: SimClientMain --coordinator HOST:PORT [--client-id K] [--out DIR] [options]",
        "       SimClientMain --client-id K --out DIR [options]",
        "",
        "Plays N simulated users of one client against the engine. With --coordinator it takes part",
        "in that run: it measures the run's common window, reports each second to the coordinator and",
        "uploads its files to it at the end (no shared folder needed). Without, it measures on its own",
        "and writes DIR/client-K.*.",
        "",
        "  --coordinator HOST:PORT the run's coordinator (scripts/start-clients.sh prints it); it sets",
        "                          the run's --duration and --warmup, which the client then refuses",
        "  --registry HOST:PORT    the engine's RMI registry (default 127.0.0.1:1099)",
        "  --client-id K           this client's id, 1 or more; unique within the run (required",
        "                          without --coordinator, which otherwise hands one out)",
        "  --out DIR               the folder the client writes its files into (required without",
        "                          --coordinator; with it, a temporary folder, deleted once uploaded)",
        "  --users N               simulated users (default " + DEFAULT_USERS + ")",
        "  --duration D            length of the steady phase: 500ms, 30s, 2m, 1h (default 60s)",
        "  --seed S                seed of every random choice (default: from the clock; recorded)",
        "  --subreddits M          subreddits sim_r00001..M, popularity by Zipf rank (default "
            + DEFAULT_SUBREDDITS + ")",
        "  --zipf-exponent S       Zipf exponent of subreddit popularity (default 1.0)",
        "  --rate R                open loop: planned actions per second of this client (default "
            + (long) DEFAULT_RATE + ")",
        "  --closed                closed loop: T calls in flight back to back, no planned rate",
        "  --concurrency T         loops of the closed loop (default " + DEFAULT_CONCURRENCY + ")",
        "  --mix K=W,...           action weights; keys: post, repost, comment, reply, vote_post,",
        "                          vote_comment, feed, listing, comment_tree, send_dm, inbox,",
        "                          reply_dm, join, leave (vote=W splits in two); unlisted keys = 0",
        "                          (default " + ActionMix.DEFAULT_SPEC + ")",
        "  --online-mean D         mean of a user's exponential online period (default 20s)",
        "  --offline-mean D        mean of a user's exponential offline period, 0 = never (default 5s)",
        "  --workers W             threads making RMI calls in the open loop (default: --rate / 4,",
        "                          at least " + MIN_WORKERS + ", at most " + DEFAULT_WORKERS
            + ": calls of 250 ms on average at the rate)",
        "  --setup-parallelism P   calls in flight while users register and join (default "
            + DEFAULT_SETUP_PARALLELISM + ")",
        "  --warmup D              after setup, run the load for D as a warm-up (counted in the",
        "                          setup files: cold JIT and connections), then the steady",
        "                          phase (default 0: none)",
        "  --steady-start-file F   after setup, run the load as a warm-up (counted in the setup",
        "                          files) until F exists and holds an epoch-millisecond time,",
        "                          then start the steady phase at that time; lets several client",
        "                          JVMs measure the same window (scripts/bench.sh)",
        "  --ping                  ping loops instead of users, bench.sh's transport baseline:",
        "                          --concurrency T loops (with --closed) call StatsService.ping(),",
        "                          a remote method that does nothing, back to back; op ping",
        "  --check-options         check the other options and exit, printing nothing: 0 when",
        "                          they are good, 2 and the error on stderr when one is bad",
        "  --help                  this text",
        "",
        "Exit status: 0 done, 2 bad option, 1 engine unreachable at start (after about 30 s) or",
        "not verified (the registry holds another's object under the engine's names).");
  }

  /**
   * Returns the options in {@code args}; {@code --opt value} and {@code --opt=value} both work.
   *
   * @throws IllegalArgumentException naming the option and the value when one is bad or missing
   */
  static SimOptions parse(String... args) {
    SimOptions o = new SimOptions();
    boolean concurrencyGiven = false;
    boolean durationGiven = false;
    boolean warmupGiven = false;
    boolean workersGiven = false;
    for (int i = 0; i < args.length; i++) {
      String arg = Objects.requireNonNull(args[i], "argument");
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (name.equals("--help") || name.equals("-h")) {
        o.help = true;
        continue;
      }
      if (name.equals(CHECK_OPTIONS)) {
        o.checkOnly = true;
        continue;
      }
      if (name.equals("--closed")) {
        if (value != null) {
          throw new IllegalArgumentException("--closed takes no value, but got '" + value + "'");
        }
        o.closed = true;
        continue;
      }
      if (name.equals("--ping")) {
        if (value != null) {
          throw new IllegalArgumentException("--ping takes no value, but got '" + value + "'");
        }
        o.ping = true;
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        value = args[++i];
      }
      switch (name) {
        case "--registry" -> o.registry = RegistryAddress.parse(name, value);
        case "--coordinator" -> o.coordinator = RegistryAddress.parse(name, value);
        case "--client-id" -> o.clientId = intIn(name, value, 1, 9999);
        case "--users" -> o.users = intIn(name, value, 1, 99_999);
        case "--duration" -> {
          o.duration = duration(name, value, false);
          durationGiven = true;
        }
        case "--warmup" -> {
          o.warmup = duration(name, value, true);
          warmupGiven = true;
        }
        case "--seed" -> {
          o.seed = longValue(name, value);
          o.seedGiven = true;
        }
        case "--subreddits" -> o.subreddits = intIn(name, value, 1, MAX_SUBREDDITS);
        case "--zipf-exponent" -> o.zipfExponent = positive(name, value, 20);
        case "--rate" -> o.rate = positive(name, value, 1_000_000);
        case "--concurrency" -> {
          o.concurrency = intIn(name, value, 1, 4096);
          concurrencyGiven = true;
        }
        case "--mix" -> o.mix = ActionMix.parse(name, value);
        case "--online-mean" -> o.onlineMean = duration(name, value, false);
        case "--offline-mean" -> o.offlineMean = duration(name, value, true);
        case "--workers" -> {
          o.workers = intIn(name, value, 1, 4096);
          workersGiven = true;
        }
        case "--setup-parallelism" -> o.setupParallelism = intIn(name, value, 1, 1024);
        case "--steady-start-file" -> {
          if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is empty; expected a file path");
          }
          o.steadyStartFile = Path.of(value);
        }
        case "--out" -> {
          if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is empty; expected a directory");
          }
          o.out = Path.of(value);
        }
        default -> throw new IllegalArgumentException(
            "unknown option '" + name + "' (value '" + value + "'); see --help");
      }
    }
    if (o.help) {
      return o;
    }
    if (o.coordinator != null) {
      checkCoordinated(o, durationGiven, warmupGiven);
    } else if (o.clientId == 0) {
      throw new IllegalArgumentException("--client-id is missing; it is required (1 or more) without --coordinator");
    } else if (o.out == null) {
      throw new IllegalArgumentException("--out is missing; it is required (the run directory) without --coordinator");
    }
    if (concurrencyGiven && !o.closed) {
      throw new IllegalArgumentException(
          "--concurrency " + o.concurrency + " applies to the closed loop only; add --closed");
    }
    if (!o.warmup.isZero() && o.steadyStartFile != null) {
      throw new IllegalArgumentException("--warmup " + o.warmup.toMillis() + "ms"
          + " and --steady-start-file both set when the steady phase starts; give one");
    }
    if (o.ping && !o.closed) {
      throw new IllegalArgumentException(
          "--ping runs closed loops only (calls back to back); add --closed");
    }
    if (!workersGiven) {
      o.workers = defaultWorkers(o.rate);
    }
    if (!o.seedGiven) {
      o.seed = System.currentTimeMillis() * 1_000_003L ^ System.nanoTime();
    }
    // Names are u<K>_<tag>_<i>; the tag needs room to keep runs on one engine apart. A client id
    // handed out by the coordinator may be as long as the longest.
    int longestId = o.clientId != 0 ? o.clientId : org.redditclone.api.RunTerms.MAX_CLIENT_ID;
    int untagged = SimNames.untaggedLength(longestId, o.users - 1);
    if (untagged + SimNames.MIN_TAG > org.redditclone.api.Limits.USERNAME_MAX) {
      throw new IllegalArgumentException(
          "--client-id " + longestId + " with --users " + o.users
              + " leaves no room for a run tag in a username of at most "
              + org.redditclone.api.Limits.USERNAME_MAX + " characters");
    }
    return o;
  }

  /** Refuses what a client of a coordinated run may not choose: the run's times, and the ping loops. */
  private static void checkCoordinated(SimOptions o, boolean durationGiven, boolean warmupGiven) {
    if (durationGiven || warmupGiven) {
      throw new IllegalArgumentException((durationGiven ? "--duration" : "--warmup") + " is the run's, set by its "
          + "coordinator (give it to scripts/start-clients.sh or simulate.sh); a client with --coordinator takes none");
    }
    if (o.steadyStartFile != null) {
      throw new IllegalArgumentException("--steady-start-file and --coordinator both set when the steady phase "
          + "starts; give one");
    }
    if (o.ping) {
      throw new IllegalArgumentException("--ping runs on its own (scripts/bench.sh), not with --coordinator");
    }
  }

  /**
   * Returns the open loop's workers for {@code rate} actions a second: by Little's law, as many as
   * calls in flight when they take 250 ms on average, between {@value #MIN_WORKERS} and {@value
   * #DEFAULT_WORKERS}. The default rate gets the most; a client of a few actions a second (one of
   * many client JVMs) does not keep 48 idle threads.
   */
  static int defaultWorkers(double rate) {
    return (int) Math.min(DEFAULT_WORKERS, Math.max(MIN_WORKERS, Math.ceil(rate / 4)));
  }

  /**
   * Returns the duration written as {@code value} in the grammar of {@link Durations}, at most 7
   * days, more than 0 unless {@code zeroAllowed}.
   */
  static Duration duration(String option, String value, boolean zeroAllowed) {
    return Durations.parse(option, value, zeroAllowed ? Duration.ZERO : Duration.ofNanos(1), MAX_DURATION);
  }

  private static int intIn(String option, String value, int min, int max) {
    long n = longValue(option, value);
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          option + " " + value + " is out of range; it must be " + min + ".." + max);
    }
    return (int) n;
  }

  private static long longValue(String option, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " '" + value + "' is not a whole number", e);
    }
  }

  private static double positive(String option, String value, double max) {
    double d;
    try {
      d = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " '" + value + "' is not a number", e);
    }
    if (!(d > 0) || d > max) {
      throw new IllegalArgumentException(
          option + " " + value + " is out of range; it must be more than 0 and at most " + max);
    }
    return d;
  }
}
