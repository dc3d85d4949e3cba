package org.redditclone.client.sim;

import java.util.SplittableRandom;

/**
 * Which subreddit a simulated user joins, leaves or posts in during the steady phase, chosen so
 * that a client's member counts keep the configured Zipf law however long the run lasts, and each
 * subreddit's posts follow its members.
 *
 * <p>The rule, and why the law is its stationary state. Rates count the actions of the whole
 * client; p_k is the law, n_k the members of rank k among this client's users, P_u the law's mass
 * of the subreddits user u holds, and g_k the mean of 1/(1 − P_u) over the users that lack k.
 *
 * <ul>
 *   <li><b>A join</b> draws the law until it finds a subreddit the user lacks. User u joins k
 *       with probability p_k/(1 − P_u), so rank k gains members at rate J·p_k·g_k: less than
 *       J·p_k for popular ranks, which many users already hold. That is the pull down the ranks
 *       which flattened long runs when leaves took memberships uniformly.
 *   <li><b>A leave</b> takes one of the client's memberships at random, each weighted by g_k of
 *       its rank: rank k with probability n_k·g_k/Z, Z = Σ n_j·g_j. A rank drawn that the user
 *       does not hold is carried (see {@link CarriedRanks}) to the next leaver who holds it, so
 *       every draw becomes one leave and rank k loses members at rate L·n_k·g_k/Z.
 *   <li>Hence dn_k/dt = g_k·(J·p_k − L·n_k/Z): the same g_k slows both flows of a rank, and the
 *       counts come to rest where n_k = (J·Z/L)·p_k, the Zipf law, for every rank at once. A rank
 *       above the law loses more than it gains and one below gains more, so a run that strays
 *       comes back instead of drifting.
 *   <li><b>A user keeps at least one subreddit</b>: a planned leave of a user with one does
 *       nothing. So a user's count beyond the first is an M/M/1 queue (joins at rate j, leaves at
 *       rate l while it holds two or more), stationary when j &lt; l, geometric with mean
 *       j/(l − j): the law the setup draws ({@link ZipfMembership}) when j/l = 2/3. Leaves then
 *       happen at rate l·P(two or more) = j, so the total holds steady as well.
 *   <li><b>A post</b> goes where the client's users are: to the subreddit of one of the client's
 *       memberships drawn alike, rank k with probability n_k/N, so each subreddit's posts grow in
 *       proportion to its members. The poster need not be a member (nor is it on Reddit). Picking
 *       among the poster's own subreddits instead weighs each member by 1 over how many
 *       subreddits it holds, noise enough to scramble the order of the small subreddits' posts.
 * </ul>
 *
 * <p>Thread-safe: the draws and counts are guarded by this object; a user's own memberships by
 * the user's monitor, which every caller holds (see {@link SimUser}).
 */
final class SubredditChoices {

  /** The most draws for one choice before it gives up (the user holds, or lacks, them all). */
  static final int DRAWS = 1024;

  /**
   * The most leave draws carried per subreddit (at least {@link #CARRIED_MIN} in all): what waits
   * is a few draws of each rank in a steady run; more only if a rank's holders never act.
   */
  static final int CARRIED_PER_RANK = 8;

  static final int CARRIED_MIN = 4096;

  private final ZipfTable law;
  private final MemberCounts members;
  private final CarriedRanks leaves;
  /** 1/(1 − P_u) by user index; 0 for a user with no membership, who is not counted. */
  private final double[] reach;
  /** The sum of reach over the users counted. */
  private double reachTotal;
  /** By rank: the sum of reach over the users who hold it. */
  private final double[] reachHolding;

  /** Returns the choices of a client of {@code users} users whose subreddits follow {@code law}. */
  SubredditChoices(ZipfTable law, int users) {
    this.law = law;
    this.members = new MemberCounts(law.size());
    this.leaves = new CarriedRanks(Math.max(CARRIED_MIN, CARRIED_PER_RANK * law.size()));
    this.reach = new double[users];
    this.reachHolding = new double[law.size() + 1];
  }

  /** Returns the Zipf law of the client's subreddits. */
  ZipfTable law() {
    return law;
  }

  /** Returns the rank {@code u} joins next, or 0 if it seems to hold them all. */
  int joinRank(SimUser u, SplittableRandom random) {
    for (int i = 0; i < DRAWS; i++) {
      int drawn = law.sample(random);
      if (!u.hasJoined(drawn)) {
        return drawn;
      }
    }
    return 0;
  }

  /** Returns the rank {@code u} leaves next, or 0 if it holds one subreddit or fewer. */
  synchronized int leaveRank(SimUser u, SplittableRandom random) {
    return u.joinedCount() <= 1 ? 0 : heldDraw(u, random);
  }

  /** Returns the rank a user of this client posts in, or 0 if the client has no member yet. */
  synchronized int postRank(SplittableRandom random) {
    return members.sample(random);
  }

  /**
   * Returns the oldest carried leave draw that {@code u} holds, else draws the client's
   * memberships, each weighted by g_k of its rank, until one {@code u} holds, carrying the others
   * for later leavers; 0 if none turns up.
   */
  private int heldDraw(SimUser u, SplittableRandom random) {
    int rank = leaves.takeFirst(u::hasJoined);
    for (int i = 0; rank == 0 && i < DRAWS && members.total() > 0; i++) {
      int drawn = members.sample(random);
      if (random.nextDouble() * reachTotal >= reachTotal - reachHolding[drawn]) {
        continue; // not drawn at weight g_k: rejected, not carried
      }
      if (u.hasJoined(drawn)) {
        rank = drawn;
      } else {
        leaves.add(drawn);
      }
    }
    return rank;
  }

  /** Counts that {@code u}, which now holds {@code rank}, has just joined it. */
  synchronized void joined(SimUser u, int rank) {
    members.add(rank, 1);
    reweigh(u, rank, true);
  }

  /** Counts that {@code u}, which no longer holds {@code rank}, has just left it. */
  synchronized void left(SimUser u, int rank) {
    members.add(rank, -1);
    reweigh(u, rank, false);
  }

  /** Returns this client's members of {@code rank}. */
  synchronized int members(int rank) {
    return members.count(rank);
  }

  /** Returns how many leave draws wait for a holder: for tests. */
  synchronized int carried() {
    return leaves.size();
  }

  /** Updates the reach of {@code u} and the sums it is part of after it gained or lost {@code rank}. */
  private void reweigh(SimUser u, int rank, boolean gained) {
    double before = reach[u.index];
    double held = 0;
    int[] ranks = u.joinedRanks();
    for (int i = 0; i < u.joinedCount(); i++) {
      held += law.probability(ranks[i]);
    }
    // A user who lacks almost no mass joins by DRAWS draws at most: its reach is capped there.
    double after = u.joinedCount() == 0 ? 0 : 1 / Math.max(1 - held, 1.0 / DRAWS);
    reach[u.index] = after;
    reachTotal += after - before;
    for (int i = 0; i < u.joinedCount(); i++) {
      reachHolding[ranks[i]] += ranks[i] == rank ? after : after - before;
    }
    if (!gained) {
      reachHolding[rank] -= before;
    }
  }
}
