package org.redditclone.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.redditclone.api.Caller;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentService;
import org.redditclone.api.CommentSort;
import org.redditclone.api.FeedService;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostService;
import org.redditclone.api.PostSort;
import org.redditclone.api.Score;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.Engine;

/**
 * The engine's hot paths in-process, through the same service objects (and call counting) that
 * RMI exports, without the transport: what a call costs the engine. The state is about what the
 * simulator builds in a bench run ({@link BenchData}).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar:benchmarks/target/lib/*
 * org.openjdk.jmh.Main EngineBenchmark} (add {@code -t 2} for two threads at once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseG1GC"})
public class EngineBenchmark {

  static final int USERS = BenchData.USERS;
  static final int SUBREDDITS = BenchData.SUBREDDITS;
  static final int JOINED = BenchData.JOINED;
  static final int POSTS = BenchData.POSTS;
  static final int THREAD = BenchData.THREAD;
  static final int PAGE = BenchData.PAGE;

  private BenchData data;
  private Engine engine;
  private PostService posts;
  private CommentService comments;
  private FeedService feed;
  private String[] tokens;
  private long[] postIds;
  private long threadPostId;
  private String body;

  @Setup(Level.Trial)
  public void fill() throws Exception {
    data = BenchData.create();
    posts = data.posts;
    comments = data.comments;
    feed = data.feed;
    tokens = data.tokens;
    postIds = data.postIds;
    threadPostId = data.threadPostId;
    body = data.body;
    engine = data.engine;
  }

  @TearDown(Level.Trial)
  public void close() {
    engine.close();
  }

  private static String sub(int s) {
    return BenchData.sub(s);
  }

  /** Casts, flips or retracts a vote on a random post: counts, karma, four rank indexes. */
  @Benchmark
  public Score votePost() throws Exception {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    VoteDirection d = VoteDirection.values()[r.nextInt(3)];
    return posts.vote(Caller.of(tokens[r.nextInt(USERS)]), postIds[r.nextInt(POSTS)], d.value());
  }

  /** Submits a text post to a random subreddit (the engine grows during the run). */
  @Benchmark
  public Post submitPost() throws Exception {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return posts.submit(Caller.of(tokens[r.nextInt(USERS)]), sub(r.nextInt(SUBREDDITS)), "a title", body);
  }

  /** Comments on a random post. */
  @Benchmark
  public Comment comment() throws Exception {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return comments.comment(Caller.of(tokens[r.nextInt(USERS)]), postIds[r.nextInt(POSTS)], "a comment");
  }

  /** The first hot page of a random user's feed: a merge over {@value #JOINED} subreddits. */
  @Benchmark
  public Page<Post> feedPage() throws Exception {
    return feed.feed(tokens[ThreadLocalRandom.current().nextInt(USERS)], PostSort.HOT.ordinal(), null,
        PAGE);
  }

  /** The first hot page of a random subreddit. */
  @Benchmark
  public Page<Post> listingPage() throws Exception {
    return posts.listing(sub(ThreadLocalRandom.current().nextInt(SUBREDDITS)),
        PostSort.HOT.ordinal(), null, PAGE);
  }

  /** The best-sorted tree of a {@value #THREAD}-comment thread, at most 100 comments, as the simulator reads it. */
  @Benchmark
  public List<Comment> commentTree() throws Exception {
    return comments.tree(threadPostId, CommentSort.BEST.ordinal(), 500, 100);
  }

  /**
   * A feed page as RMI writes it: Java serialization into a fresh stream, as every remote call
   * does. Compare with {@link #feedPage} to see what marshalling adds.
   */
  @Benchmark
  public int feedPageSerialized() throws Exception {
    Page<Post> page =
        feed.feed(tokens[ThreadLocalRandom.current().nextInt(USERS)], PostSort.HOT.ordinal(), null,
            PAGE);
    return serializedSize(page);
  }

  /**
   * A feed page written into a fresh stream and read back from one, as RMI does on the engine's
   * and the client's side of a call: what marshalling adds to {@link #feedPage}, both sides.
   */
  @Benchmark
  public Object feedPageRoundTrip() throws Exception {
    return roundTrip(feedPage());
  }

  /** The same for {@link #commentTree}. */
  @Benchmark
  public Object commentTreeRoundTrip() throws Exception {
    return roundTrip(commentTree());
  }

  static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }

  static int serializedSize(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.size();
  }
}
