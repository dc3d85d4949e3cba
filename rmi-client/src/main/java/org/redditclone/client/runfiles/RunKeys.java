package org.redditclone.client.runfiles;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The keys of a run's properties files, each with what its value means: {@link Client} of
 * {@code client-K.properties}, {@link Run} of {@code run.properties}, {@link Baseline} of
 * {@code baseline.properties}. Writers and readers name keys only through these constants.
 */
public final class RunKeys {

  /**
   * A key as written and what its value means.
   *
   * @param key the key; for a family of keys, its prefix
   * @param meaning what the value means
   */
  public record Text(String key, String meaning) {}

  /** A key of a properties file of a run. */
  public interface Key {

    /** Returns the key and its meaning. */
    Text text();

    /** Returns the key as written; for a family of keys (see {@link #pattern}) its prefix. */
    default String key() {
      return text().key();
    }

    /** Returns what the value means. */
    default String meaning() {
      return text().meaning();
    }

    /** Returns the key as documented: the key itself, or e.g. {@code users.client.<K>}. */
    default String pattern() {
      return key();
    }
  }

  private RunKeys() {}

  /** The keys of {@code client-K.properties}, written by the simulator (sorted by key). */
  public enum Client implements Key {
    CLIENT_ID("client.id", "the client's id K"),
    MODE("mode", "`ping` for the ping loops (`--ping`); absent for simulated users"),
    STATUS("status", "`running` once set up, then `finished`, or `stopped` (TERM or the coordinator ended the "
        + "steady phase early), or `lost` (written by the run coordinator: the client stopped reporting)"),
    USERS("users", "simulated users of this client"),
    DURATION_S("duration.s", "the steady phase asked for, seconds"),
    RATE("rate", "open loop: planned actions per second of this client"),
    CLOSED("closed", "`true` for the closed loop, `false` for the open loop"),
    CONCURRENCY("concurrency", "closed loop: loops back to back; open loop: worker threads"),
    WORKERS("workers", "threads making calls in the open loop"),
    MIX("mix", "the action weights, as `--mix` takes them"),
    SEED("seed", "the seed of every random choice"),
    SEED_GIVEN("seed.given", "`true` if `--seed` gave the seed, `false` if it came from the clock"),
    SUBREDDITS("subreddits", "subreddits sim_r00001..M, popularity by Zipf rank"),
    ZIPF_EXPONENT("zipf.exponent", "the Zipf exponent of subreddit popularity"),
    ONLINE_MEAN_S("online.mean.s", "mean online period of a user, seconds"),
    OFFLINE_MEAN_S("offline.mean.s", "mean offline period of a user, seconds; 0 = never offline"),
    ENGINE("engine", "`rmi`: the engine ran in its own JVM, reached over RMI at `registry`; `in-process`: the engine ran in the client's JVM, called directly (simulate.sh --in-process)"),
    REGISTRY("registry", "the engine's registry, HOST:PORT; absent for engine=in-process"),
    RUN_TAG("run.tag", "the tag in the user names that keeps runs on one engine apart"),
    USER_NAMES("user.names", "the first and the last user name, FIRST..LAST"),
    USER_PREFIX("user.prefix", "the start of every user name of this client, `u<K>_<tag>_`, then the user's index: by it the engine counts the client's writes"),
    JAVA_VERSION("java.version", "the client JVM's Java version"),
    STARTED_EPOCH_MS("started.epoch_ms", "when the client started, epoch ms"),
    SETUP_ENDED_EPOCH_MS("setup.ended.epoch_ms", "when its setup ended (users registered, logged in and joined), epoch ms"),
    STEADY_STARTED_EPOCH_MS("steady.started.epoch_ms", "when its steady phase started, epoch ms (with a "
        + "coordinator: the start of its first second of the window, on the coordinator's clock); 0 if it never started"),
    STEADY_ACTUAL_S("steady.actual.s", "the steady phase as run, seconds"),
    STEADY_CPU_S("steady.cpu.s", "CPU time of the client JVM in the steady phase, seconds (with engine=in-process, of the one JVM: the engine and every client); negative if unknown"),
    ENDED_EPOCH_MS("ended.epoch_ms", "when the client ended, epoch ms"),
    ACKED_POSTS("acked.posts", "posts and reposts the engine acknowledged"),
    ACKED_COMMENTS("acked.comments", "comments and replies the engine acknowledged"),
    ACKED_VOTES("acked.votes", "votes standing at the end (cast, changed or retracted as acknowledged)"),
    ACKED_MESSAGES("acked.messages", "messages and message replies the engine acknowledged"),
    ACKED_MEMBERSHIPS("acked.memberships", "joins minus leaves the engine acknowledged, creators' joins included"),
    ACKED_SUBREDDITS("acked.subreddits", "subreddits this client created"),
    BEFORE_POSTS("before.posts", "posts and reposts of this client's users the engine held before its setup: 0 unless users were reused"),
    BEFORE_COMMENTS("before.comments", "comments and replies of this client's users the engine held before its setup"),
    BEFORE_VOTES("before.votes", "votes of this client's users standing before its setup"),
    BEFORE_MESSAGES("before.messages", "messages this client's users had sent before its setup"),
    BEFORE_MEMBERSHIPS("before.memberships", "memberships this client's users held before its setup"),
    BEFORE_SUBREDDITS("before.subreddits", "subreddits this client's users had created before its setup"),
    CROSS_ACTIONS("cross.actions", "actions on another client's users' content: the sum of the cross.* below"),
    CROSS_VOTES("cross.votes", "votes on another client's users' posts and comments"),
    CROSS_COMMENTS("cross.comments", "comments and replies on another client's users' content"),
    CROSS_MESSAGES("cross.messages", "messages and replies to another client's users"),
    CROSS_REPOSTS("cross.reposts", "reposts of another client's users' posts"),
    USERS_REUSED("users.reused", "users already registered (the same run tag on the same engine)"),
    USERS_FAILED("users.failed", "users that could not log in at setup and sat the run out"),
    ACTIONS_SUBSTITUTED("actions.substituted", "actions done in place of one that had no target yet"),
    ACTIONS_SKIPPED_NO_USER_ONLINE("actions.skipped_no_user_online", "planned actions that found no user online"),
    ACTIONS_DROPPED_BACKLOG("actions.dropped_backlog", "planned actions dropped because the backlog of late ones was full");

    /** The value of {@link #ENGINE} when the client reached the engine over RMI. */
    public static final String ENGINE_RMI = "rmi";
    /** The value of {@link #ENGINE} when the engine ran in the client's JVM. */
    public static final String ENGINE_IN_PROCESS = "in-process";
    /** The value of {@link #STATUS} while the client runs, after its setup. */
    public static final String RUNNING = "running";
    /** The value of {@link #STATUS} when the client ended normally. */
    public static final String FINISHED = "finished";
    /** The value of {@link #STATUS} when a stop request ended its steady phase early. */
    public static final String STOPPED = "stopped";
    /** The value of {@link #STATUS} the coordinator writes for a client that stopped reporting. */
    public static final String LOST = "lost";

    private final Text text;

    Client(String key, String meaning) {
      text = new Text(key, meaning);
    }

    @Override
    public Text text() {
      return text;
    }

    /** Returns the {@code acked.<item>} key of a counted item, e.g. {@code posts}. */
    public static Client acked(String item) {
      return byKey(Client.class, "acked." + item);
    }

    /** Returns the {@code before.<item>} key of a counted item, e.g. {@code posts}. */
    public static Client before(String item) {
      return byKey(Client.class, "before." + item);
    }
  }

  /** The keys of {@code run.properties}, written by the merge in this order. */
  public enum Run implements Key {
    RUN_DIR("run.dir", "the run folder, absolute"),
    CLIENTS("clients", "the ids of the clients that ran or were expected, comma-separated"),
    CLIENTS_FINISHED("clients.finished", "the ids of the clients that finished"),
    MISSING_CLIENTS("missing.clients", "the ids of the clients that did not finish; absent when none"),
    LOST_CLIENTS("clients.lost", "the ids of the clients the coordinator marked lost (they stopped reporting); absent when none"),
    USERS_CLIENT("users.client.", "K", "client K's users"),
    SEED_CLIENT("seed.client.", "K", "client K's seed"),
    USERS_TOTAL("users.total", "users of all clients"),
    DURATION_S("duration.s", Client.DURATION_S),
    RATE("rate", Client.RATE),
    CLOSED("closed", Client.CLOSED),
    CONCURRENCY("concurrency", Client.CONCURRENCY),
    MIX("mix", Client.MIX),
    SUBREDDITS("subreddits", Client.SUBREDDITS),
    ZIPF_EXPONENT("zipf.exponent", Client.ZIPF_EXPONENT),
    ONLINE_MEAN_S("online.mean.s", Client.ONLINE_MEAN_S),
    OFFLINE_MEAN_S("offline.mean.s", Client.OFFLINE_MEAN_S),
    JAVA_VERSION("java.version", Client.JAVA_VERSION),
    ENGINE("engine", Client.ENGINE),
    HOST_NAME("host.name", "the host the merge ran on"),
    MERGE_JAVA_VERSION("merge.java.version", "the merge JVM's Java version"),
    STARTED_EPOCH_MS("started.epoch_ms", "the first client's start (its setup), epoch ms"),
    STARTED_ISO("started.iso", "the same, ISO-8601 UTC"),
    STEADY_STARTED_EPOCH_MS("steady.started.epoch_ms", "the start of the clients' steady phases, the earliest, epoch ms"),
    ENDED_EPOCH_MS("ended.epoch_ms", "the end of the last interval or client, epoch ms"),
    ENDED_ISO("ended.iso", "the same, ISO-8601 UTC"),
    STEADY_DURATION_S("steady.duration.s", "the union of the clients' steady windows, seconds: from the first "
        + "start to the end of the last interval"),
    LAG_SECONDS("lag.seconds", "seconds in which a client's schedule-lag p99 was above " + RunColumns.LAG_LIMIT_MS
        + " ms (timeline.csv's lag_p99_ms): the clients, not the engine, may have been the bottleneck"),
    LAG_CLIENTS("lag.clients", "the ids of those clients; absent when none"),
    CONSISTENCY_ITEM("consistency.", "ITEM", "`PASS` or `FAIL engine=N clients=N` for each item (posts, comments, votes, messages, memberships, subreddits), over the clients checked: what the engine holds of their users' writes of the run, and what those users were acknowledged"),
    CONSISTENCY_CLIENT("consistency.client.", "K", "client K: `PASS` and its counts; `FAIL` and each item whose counts differ (`engine=N acked=N`), naming up to 10 of the users who differ; `not checked (lost)` and what the engine holds of its users' writes of the run, when it was lost mid-run"),
    CONSISTENCY_OUTSIDE("consistency.outside", "writes during the run by users of no client of the run (a person at the CLI, another run), per item: the engine's counts now, less baseline.properties, less the run's own; never a failure; absent without a baseline"),
    CONSISTENCY("consistency", "`PASS` if every client checked matched and nothing prevented the check, `FAIL` if not, `not checked` if no client's counts could be compared (a client left no client-K.properties, every client was lost, or the engine did not answer)"),
    CONSISTENCY_NOTE("consistency.note", "what the verdict leaves out: a client lost mid-run, no baseline; absent when nothing"),
    CONSISTENCY_REASON("consistency.reason", "why the check failed or was not made; absent when it passed"),
    ZIPF_CHECKED_SUBREDDITS("zipf.checked.subreddits", "how many subreddits the Zipf check read from the engine"),
    ZIPF_FITTED_EXPONENT("zipf.fitted.exponent", "the Zipf exponent fitted to the members of the top ranks at the end"),
    ZIPF_FITTED_RANKS("zipf.fitted.ranks", "how many of the top ranks the fit used (those with a member)"),
    ZIPF_CHECK("zipf.check", "`PASS`, or `DRIFT` if the fitted exponent strays more than 0.05 from the configured one"),
    ZIPF_POSTS_SPEARMAN("zipf.posts.spearman", "Spearman's rank correlation of posts with members over the subreddits with posts; `NaN` with fewer than 3"),
    ZIPF_POSTS_SUBREDDITS("zipf.posts.subreddits", "the subreddits with posts"),
    ZIPF_NOTE("zipf.note", "why there is no Zipf check; absent when there is one");

    private final Text text;
    private final String part;

    Run(String key, String meaning) {
      this(key, null, meaning);
    }

    Run(String key, Client copied) {
      this(key, null, copied.meaning() + "; copied from the clients, their distinct values comma-separated");
    }

    Run(String key, String part, String meaning) {
      this.text = new Text(key, meaning);
      this.part = part;
    }

    @Override
    public Text text() {
      return text;
    }

    /** Returns the key of {@code part} in a family of keys, e.g. {@code users.client.3}. */
    public String key(Object part) {
      if (this.part == null) {
        throw new IllegalStateException(key() + " is one key, not a family of keys");
      }
      return key() + part;
    }

    @Override
    public String pattern() {
      return part == null ? key() : key() + "<" + part + ">";
    }

    /** Returns whether {@code candidate} is this key or, for a family, one of its keys. */
    public boolean matches(String candidate) {
      return part == null ? key().equals(candidate)
          : candidate.startsWith(key()) && candidate.length() > key().length();
    }
  }

  /** The keys of {@code baseline.properties}: the engine's counts before the clients start. */
  public enum Baseline implements Key {
    USERS("registered users"),
    SUBREDDITS("subreddits"),
    POSTS("posts and reposts"),
    COMMENTS("comments and replies"),
    VOTES("votes standing"),
    MESSAGES("direct messages and their replies"),
    MEMBERSHIPS("subreddit memberships"),
    TAKEN_EPOCH_MS("taken.epoch_ms", "when the counts were read, epoch ms");

    private final Text text;

    /** A count of the engine, keyed by its name in lower case. */
    Baseline(String meaning) {
      text = new Text(name().toLowerCase(Locale.ROOT), meaning);
    }

    Baseline(String key, String meaning) {
      text = new Text(key, meaning);
    }

    @Override
    public Text text() {
      return text;
    }

    /** Returns the engine's counts, every key but {@link #TAKEN_EPOCH_MS}, in file order. */
    public static List<Baseline> counts() {
      return Arrays.stream(values()).filter(k -> k != TAKEN_EPOCH_MS).toList();
    }
  }

  /**
   * Returns the key of {@code type} written as {@code key}.
   *
   * @throws IllegalArgumentException naming the key and listing those of {@code type}
   */
  public static <K extends Enum<K> & Key> K byKey(Class<K> type, String key) {
    for (K k : type.getEnumConstants()) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException("'" + key + "' is no key of " + type.getSimpleName()
        + "; the keys are " + Arrays.stream(type.getEnumConstants()).map(Key::pattern)
            .collect(Collectors.joining(", ")));
  }
}
