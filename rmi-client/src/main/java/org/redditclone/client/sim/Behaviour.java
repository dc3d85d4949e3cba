package org.redditclone.client.sim;

import java.util.List;
import java.util.SplittableRandom;
import org.redditclone.api.AlreadyExistsException;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentSort;
import org.redditclone.api.Message;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.NotFoundException;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;
import org.redditclone.api.RedditException;
import org.redditclone.api.Score;
import org.redditclone.api.Session;
import org.redditclone.api.Subreddit;
import org.redditclone.api.VoteDirection;
import org.redditclone.client.metrics.Op;

/**
 * The steps of a simulated user against the engine: one action of the steady phase, logging in,
 * joining. Each step runs with the user's monitor held (see {@link SimUser}).
 *
 * <p>Users act on what the engine returns to them (feeds, listings, comment trees, inboxes), not
 * on what they made, so they act on content of every client. An action with no target yet (a
 * vote before any post was seen) reads the feed or a listing instead.
 */
final class Behaviour {

  private static final int PAGE = 25;
  private static final int TREE_DEPTH = 500;
  private static final int TREE_LIMIT = 100;

  private final int clientId;
  private final long seed;
  private final EngineCalls calls;
  private final World world;
  private final Tally tally;
  private final VoteLedger votes;
  private final ZipfTable zipf;
  private final SubredditChoices choices;
  private final Texts texts = new Texts();

  Behaviour(int clientId, long seed, EngineCalls calls, World world, Tally tally, VoteLedger votes,
      SubredditChoices choices) {
    this.clientId = clientId;
    this.seed = seed;
    this.calls = calls;
    this.world = world;
    this.tally = tally;
    this.votes = votes;
    this.zipf = choices.law();
    this.choices = choices;
  }

  /** Runs {@code action} for {@code user}, its latency measured from {@code planned}. */
  void act(SimUser user, Action action, long planned, SplittableRandom random) {
    try {
      if (!run(user, action, planned, random)) {
        tally.substituted.increment();
        if (!readFeed(user, planned, random)) {
          listing(user, planned, random);
        }
      }
    } catch (NotAuthorizedException e) {
      login(user, System.nanoTime());
    } catch (RedditException e) {
      // Recorded by EngineCalls; refusals such as a deleted post are part of the game.
    }
  }

  /** Returns false when the action had no target and did nothing. */
  private boolean run(SimUser u, Action action, long planned, SplittableRandom r)
      throws RedditException {
    return switch (action) {
      case POST -> post(u, planned, r);
      case REPOST -> repost(u, planned, r);
      case COMMENT -> comment(u, planned, r);
      case REPLY -> reply(u, planned, r);
      case VOTE_POST -> votePost(u, planned, r);
      case VOTE_COMMENT -> voteComment(u, planned, r);
      case FEED -> readFeed(u, planned, r);
      case LISTING -> listing(u, planned, r);
      case COMMENT_TREE -> commentTree(u, planned, r);
      case SEND_DM -> sendMessage(u, planned, r);
      case INBOX -> inbox(u, planned, r);
      case REPLY_DM -> replyMessage(u, planned, r);
      case JOIN -> join(u, planned, r);
      case LEAVE -> leave(u, planned, r);
    };
  }

  /**
   * Makes a state-changing call as {@code u}, retried through transport failures with the same
   * request id (see {@link EngineCalls#change}); logs {@code u} in again if a retry finds the
   * session gone.
   */
  private <T> T change(SimUser u, Op op, long start, Class<? extends RedditException> expected,
      EngineCalls.ChangeCall<T> call) throws RedditException {
    return calls.change(op, start, expected, u.token,
        () -> login(u, System.nanoTime()) ? u.token : null, call);
  }

  /** Logs the user in and keeps the token; returns whether it worked. */
  boolean login(SimUser u, long start) {
    try {
      String password = SimNames.password(u.name, seed);
      Session s = calls.call(Op.LOGIN, start, stubs -> stubs.users().login(u.name, password));
      if (s != null) {
        u.token = s.token();
        return true;
      }
    } catch (RedditException e) {
      // recorded; the user tries again when the engine next refuses its token
    }
    return false;
  }

  /** Catches up after coming online: reads the inbox, then the feed. */
  void catchUp(SimUser u, long planned, SplittableRandom r) {
    try {
      inbox(u, planned, r);
      readFeed(u, System.nanoTime(), r);
    } catch (NotAuthorizedException e) {
      login(u, System.nanoTime());
    } catch (RedditException e) {
      // recorded
    }
  }

  private boolean post(SimUser u, long planned, SplittableRandom r) throws RedditException {
    int rank = postRank(r);
    if (rank == 0) {
      return false;
    }
    String title = texts.title(r);
    String body = texts.body(r);
    Post p = change(u, Op.POST, planned, null,
        (s, who) -> s.posts().submit(who, SimNames.subreddit(rank), title, body));
    if (p != null) {
      u.postsAcked++;
      world.addRecentPost(Ref.of(p.id(), clientId));
    }
    return true;
  }

  private boolean repost(SimUser u, long planned, SplittableRandom r) throws RedditException {
    long[] popular = world.randomPopularPost(r);
    if (popular == null) {
      return false;
    }
    long ref = popular[0];
    int target = postRank(r);
    for (int i = 0; i < 4 && (target == popular[1] || target == 0); i++) {
      target = knownRank(r);
    }
    if (target == 0 || target == popular[1]) {
      return false;
    }
    int rank = target;
    try {
      Post p = change(u, Op.REPOST, planned, null,
          (s, who) -> s.posts().repost(who, Ref.id(ref), SimNames.subreddit(rank)));
      if (p != null) {
        u.postsAcked++;
        if (isForeign(Ref.client(ref))) {
          tally.crossReposts.increment();
        }
      }
    } catch (NotFoundException e) {
      world.forgetPost(ref);
    }
    return true;
  }

  private boolean comment(SimUser u, long planned, SplittableRandom r) throws RedditException {
    long ref = somePost(u, r);
    if (ref == 0) {
      return false;
    }
    String body = texts.comment(r);
    try {
      Comment c = change(u, Op.COMMENT, planned, null,
          (s, who) -> s.comments().comment(who, Ref.id(ref), body));
      if (c != null) {
        u.commentsAcked++;
        if (isForeign(Ref.client(ref))) {
          tally.crossComments.increment();
        }
      }
    } catch (NotFoundException e) {
      forgetPost(u, ref);
    }
    return true;
  }

  private boolean reply(SimUser u, long planned, SplittableRandom r) throws RedditException {
    // The newest remembered comment is the deepest of the last tree read: replies go deeper.
    long ref = r.nextBoolean() ? u.comments.newest() : u.comments.random(r);
    if (ref == 0) {
      return false;
    }
    String body = texts.comment(r);
    try {
      Comment c = change(u, Op.REPLY, planned, null,
          (s, who) -> s.comments().reply(who, Ref.id(ref), body));
      if (c != null) {
        u.commentsAcked++;
        if (isForeign(Ref.client(ref))) {
          tally.crossComments.increment();
        }
      }
    } catch (NotFoundException e) {
      u.comments.remove(ref);
    }
    return true;
  }

  private boolean votePost(SimUser u, long planned, SplittableRandom r) throws RedditException {
    long ref = u.posts.isEmpty() ? world.randomRecentPost(r) : u.posts.random(r);
    if (ref == 0) {
      return false;
    }
    VoteDirection d = direction(votes.get(u.index, false, Ref.id(ref)), r);
    try {
      Score score = change(u, Op.VOTE_POST, planned, null,
          (s, who) -> s.posts().vote(who, Ref.id(ref), d.value()));
      if (score != null) {
        u.votesAcked += votes.set(u.index, false, Ref.id(ref), score.myVote());
        if (isForeign(Ref.client(ref))) {
          tally.crossVotes.increment();
        }
      }
    } catch (NotFoundException e) {
      forgetPost(u, ref);
    }
    return true;
  }

  private boolean voteComment(SimUser u, long planned, SplittableRandom r) throws RedditException {
    long ref = u.comments.random(r);
    if (ref == 0) {
      return false;
    }
    VoteDirection d = direction(votes.get(u.index, true, Ref.id(ref)), r);
    try {
      Score score = change(u, Op.VOTE_COMMENT, planned, null,
          (s, who) -> s.comments().vote(who, Ref.id(ref), d.value()));
      if (score != null) {
        u.votesAcked += votes.set(u.index, true, Ref.id(ref), score.myVote());
        if (isForeign(Ref.client(ref))) {
          tally.crossVotes.increment();
        }
      }
    } catch (NotFoundException e) {
      u.comments.remove(ref);
    }
    return true;
  }

  /** Mostly up (75%), sometimes down; a vote already cast is sometimes retracted or flipped. */
  static VoteDirection direction(VoteDirection current, SplittableRandom r) {
    if (current != VoteDirection.NONE && r.nextInt(4) == 0) {
      return r.nextBoolean() ? VoteDirection.NONE
          : current == VoteDirection.UP ? VoteDirection.DOWN : VoteDirection.UP;
    }
    return r.nextInt(4) < 3 ? VoteDirection.UP : VoteDirection.DOWN;
  }

  boolean readFeed(SimUser u, long planned, SplittableRandom r) throws RedditException {
    if (u.joinedCount() == 0) {
      return false;
    }
    PostSort sort = r.nextInt(10) < 7 ? PostSort.HOT : PostSort.NEW;
    Page<Post> page = calls.call(Op.FEED, planned,
        s -> s.feed().feed(u.token, sort.ordinal(), null, PAGE));
    if (page != null) {
      remember(u, page.items(), r);
    }
    return true;
  }

  private boolean listing(SimUser u, long planned, SplittableRandom r) throws RedditException {
    int rank = knownRank(r);
    if (rank == 0) {
      return false;
    }
    PostSort sort = PostSort.values()[r.nextInt(3)]; // HOT, NEW, TOP
    Page<Post> page = calls.call(Op.LISTING, planned,
        s -> s.posts().listing(SimNames.subreddit(rank), sort.ordinal(), null, PAGE));
    if (page != null) {
      remember(u, page.items(), r);
    }
    return true;
  }

  private boolean commentTree(SimUser u, long planned, SplittableRandom r) throws RedditException {
    long ref = somePost(u, r);
    if (ref == 0) {
      return false;
    }
    try {
      List<Comment> tree = calls.call(Op.COMMENT_TREE, planned,
          s -> s.comments().tree(Ref.id(ref), CommentSort.BEST.ordinal(), TREE_DEPTH, TREE_LIMIT));
      if (tree != null && !tree.isEmpty()) {
        Comment deepest = null;
        for (int i = 0; i < 2; i++) {
          Comment c = tree.get(r.nextInt(tree.size()));
          world.noteAuthor(c.author());
          if (!c.deleted()) {
            u.comments.add(Ref.of(c.id(), c.author()));
          }
        }
        for (Comment c : tree) {
          if (!c.deleted() && (deepest == null || c.depth() > deepest.depth())) {
            deepest = c;
          }
        }
        if (deepest != null) {
          u.comments.add(Ref.of(deepest.id(), deepest.author())); // added last: the newest
        }
      }
    } catch (NotFoundException e) {
      forgetPost(u, ref);
    }
    return true;
  }

  private boolean sendMessage(SimUser u, long planned, SplittableRandom r) throws RedditException {
    String to = world.randomForeignUser(r);
    if (to == null) {
      return false; // no user of another client seen yet: read until one is
    }
    String subject = texts.subject(r);
    String body = texts.message(r);
    Message m = change(u, Op.SEND_DM, planned, null,
        (s, who) -> s.messages().send(who, to, subject, body));
    if (m != null) {
      u.messagesAcked++;
      tally.crossMessages.increment();
      u.messages.add(Ref.of(m.id(), to)); // a conversation the sender may follow up on
    }
    return true;
  }

  private boolean inbox(SimUser u, long planned, SplittableRandom r) throws RedditException {
    boolean unreadOnly = r.nextBoolean();
    Page<Message> page = calls.call(Op.INBOX, planned,
        s -> s.messages().inbox(u.token, unreadOnly, null, 20));
    if (page == null || page.items().isEmpty()) {
      return true;
    }
    List<Message> items = page.items();
    Message unread = null;
    for (int i = 0; i < Math.min(3, items.size()); i++) {
      Message m = items.get(i);
      u.messages.add(Ref.of(m.id(), m.from()));
      world.noteAuthor(m.from());
      if (!m.read() && unread == null) {
        unread = m;
      }
    }
    if (unread != null) {
      long id = unread.id();
      calls.call(Op.MARK_READ, System.nanoTime(), s -> {
        s.messages().markRead(u.token, id);
        return Boolean.TRUE;
      });
    }
    return true;
  }

  /**
   * Replies in one of the user's conversations, a message it received or sent (the engine sends
   * the reply to the other party). A user who remembers none looks in its inbox first, as a
   * person opens the inbox to answer; if that is empty too, the inbox read was the action.
   */
  private boolean replyMessage(SimUser u, long planned, SplittableRandom r) throws RedditException {
    long ref = u.messages.random(r);
    long start = planned;
    if (ref == 0) {
      inbox(u, planned, r);
      ref = u.messages.random(r);
      if (ref == 0) {
        return true;
      }
      start = System.nanoTime();
    }
    long message = ref;
    String body = texts.message(r);
    try {
      Message m = change(u, Op.REPLY_DM, start, null,
          (s, who) -> s.messages().reply(who, Ref.id(message), body));
      if (m != null) {
        u.messagesAcked++;
        if (isForeign(Ref.client(message))) {
          tally.crossMessages.increment();
        }
      }
    } catch (NotFoundException e) {
      u.messages.remove(message);
    }
    return true;
  }

  private boolean join(SimUser u, long planned, SplittableRandom r) throws RedditException {
    int rank = choices.joinRank(u, r);
    if (rank == 0) {
      return false;
    }
    joinOrCreate(u, rank, planned);
    return true;
  }

  /**
   * Joins the subreddit of {@code rank}, creating it first if this client has not seen it exist:
   * the creator joins it by creating it, and "already exists" (another client was first) is the
   * expected answer, not an error. Counts a membership only when the user did not hold it.
   */
  void joinOrCreate(SimUser u, int rank, long start) throws RedditException {
    String name = SimNames.subreddit(rank);
    if (!world.exists(rank) && create(u, rank, start)) {
      return;
    }
    try {
      Subreddit joined = change(u, Op.JOIN, world.exists(rank) ? start : System.nanoTime(), null,
          (s, who) -> s.subreddits().join(who, name));
      if (joined != null) {
        noteJoined(u, rank);
      }
    } catch (NotFoundException e) {
      // Not there after all (a fresh engine behind the same registry): create it, or join the
      // one another client created in the meantime.
      if (!create(u, rank, System.nanoTime())) {
        Subreddit joined = change(u, Op.JOIN, System.nanoTime(), null,
            (s, who) -> s.subreddits().join(who, name));
        if (joined != null) {
          noteJoined(u, rank);
        }
      }
    }
  }

  /** Creates the subreddit of {@code rank}; returns whether this user created it. */
  private boolean create(SimUser u, int rank, long start) throws RedditException {
    String name = SimNames.subreddit(rank);
    String description = "simulated subreddit of Zipf rank " + rank;
    try {
      Subreddit created = change(u, Op.CREATE_SUBREDDIT, start, AlreadyExistsException.class,
          (s, who) -> s.subreddits().create(who, name, description));
      if (created != null) {
        u.subredditsAcked++;
        noteJoined(u, rank);
        return true;
      }
    } catch (AlreadyExistsException e) {
      world.markExists(rank);
    }
    return false;
  }

  private void noteJoined(SimUser u, int rank) {
    world.markExists(rank);
    if (u.addJoined(rank)) {
      u.membershipsAcked++;
      choices.joined(u, rank);
    }
  }

  /** Notes a membership {@code u} held before this run began (a reused user): not a join of it. */
  void noteHeld(SimUser u, int rank) {
    if (u.addJoined(rank)) {
      choices.joined(u, rank);
    }
  }

  /** Leaves the subreddit {@link SubredditChoices} picks; a user with one subreddit keeps it. */
  private boolean leave(SimUser u, long planned, SplittableRandom r) throws RedditException {
    int rank = choices.leaveRank(u, r);
    if (rank == 0) {
      return false;
    }
    Subreddit left = change(u, Op.LEAVE, planned, null,
        (s, who) -> s.subreddits().leave(who, SimNames.subreddit(rank)));
    if (left != null && u.removeJoined(rank)) {
      u.membershipsAcked--;
      choices.left(u, rank);
    }
    return true;
  }

  /** Remembers a few of the posts a feed or listing returned, and their authors. */
  private void remember(SimUser u, List<Post> posts, SplittableRandom r) {
    if (posts.isEmpty()) {
      return;
    }
    // Only originals: the engine refuses a repost into the subreddit of the first original,
    // which a repost's page entry does not name, so a remembered repost could plan a refusal.
    Post top = null;
    for (Post p : posts) {
      if (!p.deleted() && !p.isRepost() && (top == null || p.score() > top.score())) {
        top = p;
      }
    }
    if (top != null) {
      world.addPopularPost(Ref.of(top.id(), top.author()), SimNames.rankOf(top.subreddit()));
    }
    for (int i = 0; i < 3; i++) {
      Post p = posts.get(r.nextInt(posts.size()));
      world.noteAuthor(p.author());
      if (!p.deleted() && !p.author().equals(u.name)) {
        long ref = Ref.of(p.id(), p.author());
        u.posts.add(ref);
        world.addRecentPost(ref);
        world.markExists(SimNames.rankOf(p.subreddit()));
      }
    }
  }

  private void forgetPost(SimUser u, long ref) {
    u.posts.remove(ref);
    world.forgetPost(ref);
  }

  private long somePost(SimUser u, SplittableRandom r) {
    long ref = u.posts.isEmpty() || r.nextInt(4) == 0 ? world.randomRecentPost(r) : 0;
    return ref != 0 ? ref : u.posts.random(r);
  }

  /** Returns where a user posts: where the client's members are (see {@link SubredditChoices}). */
  private int postRank(SplittableRandom r) {
    int rank = choices.postRank(r);
    return rank != 0 ? rank : knownRank(r);
  }

  /** Returns a subreddit known to exist drawn by the Zipf law, or 0 if none was found. */
  private int knownRank(SplittableRandom r) {
    for (int i = 0; i < 16; i++) {
      int rank = zipf.sample(r);
      if (world.exists(rank)) {
        return rank;
      }
    }
    return 0;
  }

  private boolean isForeign(int authorClient) {
    return authorClient != 0 && authorClient != clientId;
  }
}
