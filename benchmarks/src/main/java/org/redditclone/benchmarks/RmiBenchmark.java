package org.redditclone.benchmarks;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.Remote;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
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
import org.redditclone.api.Bindings;
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
import org.redditclone.api.StatsService;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.rmi.ServiceBinding;
import org.redditclone.rmi.SerialFilters;

/**
 * The same operations as {@link EngineBenchmark}, but as remote calls over loopback RMI in one
 * JVM, next to {@code StatsService.ping()}: one thread calls back to back, so the time of a call
 * is the CPU both sides and the kernel spend on it. The difference to ping is what an operation
 * adds to the bare transport; the difference to {@link EngineBenchmark} is marshalling.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseG1GC", "-Djava.rmi.server.hostname=127.0.0.1"})
public class RmiBenchmark {

  private BenchData data;
  private Registry registry;
  private StatsService stats;
  private PostService posts;
  private CommentService comments;
  private FeedService feed;

  @Setup(Level.Trial)
  public void start() throws Exception {
    data = BenchData.create();
    RMIServerSocketFactory loopback =
        port -> new ServerSocket(port, 256, InetAddress.getLoopbackAddress());
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort(); // free a moment ago; the registry needs a known port
    }
    registry = LocateRegistry.createRegistry(port, null, loopback);
    for (ServiceBinding b : data.engine.services()) {
      Remote stub = UnicastRemoteObject.exportObject(b.service(), 0, null, loopback,
          SerialFilters.serviceFilter());
      registry.rebind(b.name(), stub);
    }
    stats = (StatsService) registry.lookup(Bindings.STATS);
    posts = (PostService) registry.lookup(Bindings.POSTS);
    comments = (CommentService) registry.lookup(Bindings.COMMENTS);
    feed = (FeedService) registry.lookup(Bindings.FEED);
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    for (ServiceBinding b : data.engine.services()) {
      UnicastRemoteObject.unexportObject(b.service(), true);
    }
    UnicastRemoteObject.unexportObject(registry, true);
    data.engine.close();
  }

  /** The transport alone: a remote method that does nothing. */
  @Benchmark
  public void ping() throws Exception {
    stats.ping();
  }

  @Benchmark
  public Score votePost() throws Exception {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return posts.vote(Caller.of(data.tokens[r.nextInt(BenchData.USERS)]),
        data.postIds[r.nextInt(BenchData.POSTS)], VoteDirection.values()[r.nextInt(3)].value());
  }

  @Benchmark
  public Post submitPost() throws Exception {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return posts.submit(Caller.of(data.tokens[r.nextInt(BenchData.USERS)]),
        BenchData.sub(r.nextInt(BenchData.SUBREDDITS)), "a title", data.body);
  }

  @Benchmark
  public Comment comment() throws Exception {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return comments.comment(Caller.of(data.tokens[r.nextInt(BenchData.USERS)]),
        data.postIds[r.nextInt(BenchData.POSTS)], "a comment");
  }

  @Benchmark
  public Page<Post> feedPage() throws Exception {
    return feed.feed(data.tokens[ThreadLocalRandom.current().nextInt(BenchData.USERS)],
        PostSort.HOT.ordinal(), null, BenchData.PAGE);
  }

  @Benchmark
  public Page<Post> listingPage() throws Exception {
    return posts.listing(BenchData.sub(ThreadLocalRandom.current().nextInt(BenchData.SUBREDDITS)),
        PostSort.HOT.ordinal(), null, BenchData.PAGE);
  }

  @Benchmark
  public List<Comment> commentTree() throws Exception {
    return comments.tree(data.threadPostId, CommentSort.BEST.ordinal(), 500, 100);
  }
}
