package org.redditclone.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;
import org.redditclone.api.Bindings;
import org.redditclone.api.FeedService;
import org.redditclone.api.PostService;
import org.redditclone.api.PostSort;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.Engine;
import org.redditclone.engine.EngineConfig;
import org.redditclone.engine.events.Event;

/**
 * Fills an engine in-process to a given size through {@link Engine#apply} (the replay path, so no
 * PBKDF2 and no RMI), then reports the live heap after each kind of item (bytes per item) and the
 * latency of feed and listing pages at that size.
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar:benchmarks/target/lib/* \
 *   org.redditclone.benchmarks.EngineLoader [--scale 1.0] [--seed 1]
 * </pre>
 *
 * <p>At scale 1: 1,000,000 users, 10,000 subreddits, 1,000,000 posts, 5,000,000 comments and
 * 20,000,000 votes; each user joins {@value #JOINED} subreddits. Subreddits, and the posts and
 * votes on them, follow a Zipf law, as in the simulator. Run it again with {@code --scale 0.01}
 * to compare the latency at 1% of the size.
 */
public final class EngineLoader {

  static final int JOINED = 5;
  private static final long START_MILLIS = 1_700_000_000_000L;
  private static final long SPAN_MILLIS = Duration.ofDays(30).toMillis();
  private static final int PAGE = 25;
  private static final int PROBES = 20_000;

  private final Engine engine;
  private final SplittableRandom r;
  private final int users;
  private final int subreddits;
  private final int posts;
  private final int comments;
  private final long votes;
  private final ZipfSampler subredditRanks;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  private EngineLoader(double scale, long seed) {
    engine = Engine.create(EngineConfig.defaults().withPasswordCost(1000)
        .withSessionIdleTimeout(Duration.ofDays(365)));
    r = new SplittableRandom(seed);
    users = Math.max(100, (int) (1_000_000 * scale));
    subreddits = Math.max(10, (int) (10_000 * scale));
    posts = Math.max(100, (int) (1_000_000 * scale));
    comments = Math.max(500, (int) (5_000_000 * scale));
    votes = Math.max(2_000, (long) (20_000_000 * scale));
    subredditRanks = new ZipfSampler(subreddits, 1.0);
  }

  public static void main(String[] args) throws Exception {
    double scale = 1.0;
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--scale" -> scale = Double.parseDouble(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> {
          System.err.println("usage: EngineLoader [--scale 1.0] [--seed 1]; unknown '" + args[i] + "'");
          System.exit(2);
        }
      }
    }
    if (!(scale > 0 && scale <= 10)) {
      System.err.println("--scale " + scale + " must be more than 0 and at most 10");
      System.exit(2);
    }
    new EngineLoader(scale, seed).run(scale);
  }

  private void run(double scale) throws Exception {
    System.out.printf(Locale.ROOT, "scale=%s users=%d subreddits=%d posts=%d comments=%d votes=%d "
            + "max_heap=%d MiB%n", scale, users, subreddits, posts, comments, votes,
        Runtime.getRuntime().maxMemory() >> 20);
    long base = liveHeap();
    long t0 = System.nanoTime();
    long before = base;
    loadUsers();
    before = report("users", users, before, t0);
    t0 = System.nanoTime();
    loadSubreddits();
    before = report("subreddits+memberships", subreddits, before, t0);
    t0 = System.nanoTime();
    loadPosts();
    before = report("posts", posts, before, t0);
    t0 = System.nanoTime();
    long[] commentPost = loadComments();
    before = report("comments", comments, before, t0);
    t0 = System.nanoTime();
    long cast = loadVotes(commentPost);
    report("votes", cast, before, t0);
    commentPost = null;
    long total = liveHeap() - base;
    long items = users + subreddits + posts + comments + cast;
    System.out.printf(Locale.ROOT, "heap live=%d MiB for %d items: %.1f bytes per item; stats %s%n",
        total >> 20, items, (double) total / items, engine.stats().toString().replaceAll("callsByOperation=\\{.*\\}", ""));
    latency();
    engine.close();
  }

  private void loadUsers() throws Exception {
    Base64.Encoder b64 = Base64.getEncoder();
    byte[] salt = new byte[16];
    byte[] hash = new byte[32];
    for (int id = 1; id <= users; id++) {
      fill(salt);
      fill(hash);
      engine.apply(new Event.UserRegistered(id, "user" + id, 1000, b64.encodeToString(salt),
          b64.encodeToString(hash), time()));
    }
  }

  private void loadSubreddits() {
    for (int id = 1; id <= subreddits; id++) {
      engine.apply(new Event.SubredditCreated(id, "sub" + id, "about subreddit " + id,
          1 + r.nextInt(users), time()));
    }
    for (int user = 1; user <= users; user++) {
      for (int j = 0; j < JOINED; j++) {
        engine.apply(new Event.MembershipChanged(user, subredditRanks.sample(r), true, time()));
      }
    }
  }

  private void loadPosts() {
    long[] times = sortedTimes(posts);
    for (int id = 1; id <= posts; id++) {
      engine.apply(new Event.PostSubmitted(id, subredditRanks.sample(r), 1 + r.nextInt(users),
          Texts.words(r, 3 + r.nextInt(8)), Texts.words(r, 5 + r.nextInt(40)), 0, times[id - 1]));
    }
  }

  private long[] loadComments() {
    long[] postOf = new long[comments + 1];
    long[] times = sortedTimes(comments);
    for (int id = 1; id <= comments; id++) {
      long parent = 0;
      long post;
      if (id > 10 && r.nextInt(5) < 2) {
        parent = id - 1 - r.nextInt(Math.min(id - 1, 1000)); // a recent comment: threads grow deep
        post = postOf[(int) parent];
      } else {
        post = popularPost();
      }
      postOf[id] = post;
      engine.apply(new Event.CommentAdded(id, post, parent, 1 + r.nextInt(users),
          Texts.words(r, 3 + r.nextInt(20)), Math.max(times[id - 1], START_MILLIS)));
    }
    return postOf;
  }

  private long loadVotes(long[] commentPost) {
    long before = engine.stats().votes();
    for (long i = 0; i < votes; i++) {
      int user = 1 + r.nextInt(users);
      VoteDirection d = r.nextInt(4) == 0 ? VoteDirection.DOWN : VoteDirection.UP;
      if (r.nextInt(10) < 7) {
        engine.apply(new Event.VoteCast(Event.Target.POST, popularPost(), user, d, time()));
      } else {
        long comment = 1 + r.nextInt(comments);
        engine.apply(new Event.VoteCast(Event.Target.COMMENT, comment, user, d, time()));
      }
    }
    return engine.stats().votes() - before;
  }

  /** Returns a post id skewed towards low ids' neighbours of popular subreddits: id^(1.5) spread. */
  private long popularPost() {
    double u = r.nextDouble();
    return 1 + (long) (posts * u * u); // quadratic skew: a few posts collect most activity
  }

  /** Measures feed and listing pages through the service objects, after a warm-up. */
  private void latency() throws Exception {
    FeedService feed = engine.service(Bindings.FEED, FeedService.class);
    PostService postService = engine.service(Bindings.POSTS, PostService.class);
    int sessions = 1000;
    String[] tokens = new String[sessions];
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    for (int i = 0; i < sessions; i++) {
      tokens[i] = "loader-token-" + i + "-" + r.nextLong();
      String tokenHash = url.encodeToString(sha.digest(tokens[i].getBytes(StandardCharsets.UTF_8)));
      engine.apply(new Event.SessionOpened(tokenHash, 1 + r.nextInt(users), System.currentTimeMillis()));
    }
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up
      long[] feedNanos = new long[PROBES];
      long[] listingNanos = new long[PROBES];
      for (int i = 0; i < PROBES; i++) {
        String token = tokens[r.nextInt(sessions)];
        long t = System.nanoTime();
        feed.feed(token, i % 2 == 0 ? PostSort.HOT.ordinal() : PostSort.NEW.ordinal(), null, PAGE);
        feedNanos[i] = System.nanoTime() - t;
        String sub = "sub" + subredditRanks.sample(r);
        PostSort sort = PostSort.values()[i % 3];
        t = System.nanoTime();
        postService.listing(sub, sort.ordinal(), null, PAGE);
        listingNanos[i] = System.nanoTime() - t;
      }
      if (round == 1) {
        print("feed(HOT|NEW, 25)", feedNanos);
        print("listing(HOT|NEW|TOP, 25)", listingNanos);
      }
    }
  }

  private static void print(String what, long[] nanos) {
    Arrays.sort(nanos);
    double mean = Arrays.stream(nanos).average().orElse(0);
    System.out.printf(Locale.ROOT, "latency %s: n=%d mean=%.1f us p50=%.1f us p99=%.1f us p99.9=%.1f us%n",
        what, nanos.length, mean / 1e3, nanos[nanos.length / 2] / 1e3,
        nanos[(int) (nanos.length * 0.99)] / 1e3, nanos[(int) (nanos.length * 0.999)] / 1e3);
  }

  private long report(String what, long count, long before, long t0) {
    long now = liveHeap();
    System.out.printf(Locale.ROOT, "%-24s %,12d in %6.1f s  +%,6d MiB  %7.1f bytes each%n", what,
        count, (System.nanoTime() - t0) / 1e9, (now - before) >> 20, (double) (now - before) / count);
    return now;
  }

  private long liveHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private long[] sortedTimes(int n) {
    long[] times = new long[n];
    for (int i = 0; i < n; i++) {
      times[i] = time();
    }
    Arrays.sort(times);
    return times;
  }

  private long time() {
    return START_MILLIS + (long) (r.nextDouble() * SPAN_MILLIS);
  }

  private void fill(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) r.nextInt(256);
    }
  }

  /** Draws ranks 1..n with probability proportional to 1/rank^s, by binary search of the CDF. */
  static final class ZipfSampler {
    private final double[] cdf;

    ZipfSampler(int n, double s) {
      cdf = new double[n];
      double sum = 0;
      for (int k = 1; k <= n; k++) {
        sum += 1 / Math.pow(k, s);
        cdf[k - 1] = sum;
      }
      for (int k = 0; k < n; k++) {
        cdf[k] /= sum;
      }
    }

    int sample(SplittableRandom r) {
      int i = Arrays.binarySearch(cdf, r.nextDouble());
      return (i >= 0 ? i : -i - 1) + 1;
    }
  }
}
