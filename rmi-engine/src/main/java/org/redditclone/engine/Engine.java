package org.redditclone.engine;

import java.rmi.Remote;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redditclone.api.Bindings;
import org.redditclone.api.CommentService;
import org.redditclone.api.EngineStats;
import org.redditclone.api.FeedService;
import org.redditclone.api.MessageService;
import org.redditclone.api.PostService;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;
import org.redditclone.engine.comments.CommentManager;
import org.redditclone.engine.comments.CommentServiceImpl;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.EventBus;
import org.redditclone.engine.events.EventSink;
import org.redditclone.engine.events.ImpossibleEventException;
import org.redditclone.engine.feed.FeedManager;
import org.redditclone.engine.feed.FeedServiceImpl;
import org.redditclone.engine.journal.CallBarrier;
import org.redditclone.engine.messages.MessageManager;
import org.redditclone.engine.messages.MessageServiceImpl;
import org.redditclone.engine.posts.PostManager;
import org.redditclone.engine.posts.PostServiceImpl;
import org.redditclone.engine.requests.AppliedRequests;
import org.redditclone.engine.requests.RequestBook;
import org.redditclone.engine.requests.Requests;
import org.redditclone.engine.rmi.ServiceBinding;
import org.redditclone.engine.rmi.ServiceCalls;
import org.redditclone.engine.stats.CallCounter;
import org.redditclone.engine.stats.ProcessLoad;
import org.redditclone.engine.stats.StatsServiceImpl;
import org.redditclone.engine.subreddits.SubredditManager;
import org.redditclone.engine.subreddits.SubredditServiceImpl;
import org.redditclone.engine.users.UserManager;
import org.redditclone.engine.users.UserServiceImpl;
import org.redditclone.engine.votes.VoteManager;

/**
 * The engine: every feature's manager wired together, the service objects over them (each wrapped
 * to count its calls), and the one entry point that applies a recorded event.
 */
public final class Engine implements AutoCloseable {

  private final EngineConfig config;
  private final EventBus bus = new EventBus();
  private final CallCounter calls = new CallCounter();
  private final long startedAtMillis;
  private final UserManager users;
  private final SubredditManager subreddits;
  private final PostManager posts;
  private final CommentManager comments;
  private final VoteManager votes;
  private final MessageManager messages;
  private final Applier applier = new Applier();
  private final List<ServiceBinding> services;
  private final ScheduledExecutorService sweeper;
  private volatile CallBarrier barrier = CallBarrier.NONE;

  private Engine(EngineConfig config) {
    this.config = config;
    this.startedAtMillis = config.clock().millis();
    users = new UserManager(bus, config.clock(), config.passwordCost(), config.sessionIdleTimeout().toMillis());
    subreddits = new SubredditManager(bus, config.clock(), users);
    posts = new PostManager(bus, config.clock(), users, subreddits);
    comments = new CommentManager(bus, config.clock(), users, posts);
    votes = new VoteManager(bus, config.clock(), posts::find, comments::find);
    messages = new MessageManager(bus, config.clock(), users);
    FeedManager feed = new FeedManager(subreddits, posts);
    bus.setBookkeeper(new RequestBook(owners()));
    Requests requests = new Requests(bus, users);
    services = List.of(
        bind(Bindings.USERS, UserService.class, new UserServiceImpl(users)),
        bind(Bindings.SUBREDDITS, SubredditService.class, new SubredditServiceImpl(subreddits, requests)),
        bind(Bindings.POSTS, PostService.class, new PostServiceImpl(posts, votes, requests)),
        bind(Bindings.COMMENTS, CommentService.class, new CommentServiceImpl(comments, votes, requests)),
        bind(Bindings.FEED, FeedService.class, new FeedServiceImpl(feed, requests)),
        bind(Bindings.MESSAGES, MessageService.class, new MessageServiceImpl(messages, requests)),
        bind(Bindings.STATS, StatsService.class, new StatsServiceImpl(this::stats, users::writeCounts)));
    sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "session-sweeper");
      t.setDaemon(true);
      return t;
    });
    // Expired sessions are refused on use anyway; the sweep only frees the memory of abandoned ones.
    long period = Math.max(1, Math.min(60_000, config.sessionIdleTimeout().toMillis() / 4));
    sweeper.scheduleWithFixedDelay(users::sweepExpiredSessions, period, period, TimeUnit.MILLISECONDS);
  }

  /** Returns where the request book finds the users' windows and the authors of items. */
  private RequestBook.Owners owners() {
    return new RequestBook.Owners() {
      @Override
      public AppliedRequests windowOf(int userId) {
        return users.requireUser(userId).requests();
      }

      @Override
      public int postAuthor(long postId) {
        return posts.author(postId).id();
      }

      @Override
      public int commentAuthor(long commentId) {
        return comments.author(commentId).id();
      }
    };
  }

  /** Returns a new, empty engine. */
  public static Engine create(EngineConfig config) {
    return new Engine(Objects.requireNonNull(config, "config"));
  }

  private <T extends Remote> ServiceBinding bind(String name, Class<T> api, T service) {
    String prefix = name.substring(name.lastIndexOf('/') + 1);
    return new ServiceBinding(name, ServiceCalls.wrap(api, prefix, service, calls, () -> barrier));
  }

  /** Returns every service object with its binding name, in {@link Bindings#ALL} order. */
  public List<ServiceBinding> services() {
    return services;
  }

  /** Returns the service bound under {@code name}, as {@code api}. */
  public <T extends Remote> T service(String name, Class<T> api) {
    for (ServiceBinding b : services) {
      if (b.name().equals(name)) {
        return api.cast(b.service());
      }
    }
    throw new IllegalArgumentException("no service is bound as " + name + "; see Bindings.ALL");
  }

  /** Sends every applied event to {@code sink} from now on; {@link EventSink#NONE} detaches it. */
  public void setEventSink(EventSink sink) {
    bus.setSink(sink);
  }

  /**
   * Makes every service call wait, before it returns, for {@code barrier}: the journal's promise
   * that the call's events are durable. {@link CallBarrier#NONE} removes it.
   */
  public void setCallBarrier(CallBarrier barrier) {
    this.barrier = Objects.requireNonNull(barrier, "barrier");
  }

  /**
   * Applies a recorded event through the same code path that applied it first. For replay: events
   * must come in the order they were published.
   *
   * @throws ImpossibleEventException if the event cannot follow the ones applied before it (it
   *     creates an id or a name that exists, or names one that does not); nothing changed then
   */
  public void apply(Event event) {
    Objects.requireNonNull(event, "event").accept(applier);
  }

  /**
   * Applies each kind of recorded event through the manager that applied it first. An event that
   * creates a name that exists is refused here, one that creates an id that exists or names one
   * that does not by the manager; see {@link ImpossibleEventException}.
   */
  private final class Applier implements Event.Visitor {
    @Override
    public void visit(Event.UserRegistered e) {
      if (!users.apply(e)) {
        throw ImpossibleEventException.because("user " + e.username() + " #" + e.userId()
            + " is registered twice: the name is taken");
      }
    }

    @Override
    public void visit(Event.SubredditCreated e) {
      if (!subreddits.apply(e)) {
        throw ImpossibleEventException.because("subreddit " + e.name() + " #" + e.subredditId()
            + " is created twice: the name is taken");
      }
    }

    @Override public void visit(Event.SessionOpened e) { users.apply(e); }
    @Override public void visit(Event.SessionClosed e) { users.apply(e); }
    @Override public void visit(Event.PresenceChanged e) { users.apply(e); }
    @Override public void visit(Event.RequestsRemembered e) { users.apply(e); }
    @Override public void visit(Event.MembershipChanged e) { subreddits.apply(e); }
    @Override public void visit(Event.PostSubmitted e) { posts.apply(e); }
    @Override public void visit(Event.PostDeleted e) { posts.apply(e); }
    @Override public void visit(Event.CommentAdded e) { comments.apply(e); }
    @Override public void visit(Event.CommentDeleted e) { comments.apply(e); }
    @Override public void visit(Event.VoteCast e) { votes.apply(e, users.requireUser(e.userId())); }
    @Override public void visit(Event.MessageSent e) { messages.apply(e); }
    @Override public void visit(Event.MessageRead e) { messages.apply(e); }
  }

  /** Returns the engine's counters now. */
  public EngineStats stats() {
    return new EngineStats(users.count(), users.onlineCount(), subreddits.count(), posts.count(),
        comments.count(), votes.count(), messages.count(), subreddits.membershipCount(),
        config.clock().millis() - startedAtMillis, calls.snapshot(), ProcessLoad.gcCount(),
        ProcessLoad.gcPauseMillis(), ProcessLoad.cpuNanos());
  }

  /** Returns the user manager, for tests and tools in this package. */
  UserManager usersForTest() {
    return users;
  }

  /** Returns the configuration this engine runs with. */
  public EngineConfig config() {
    return config;
  }

  /** Stops the background session sweep. */
  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
