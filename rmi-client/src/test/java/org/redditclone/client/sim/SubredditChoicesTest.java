package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redditclone.client.metrics.ZipfFit;

/**
 * The steady phase's joins and leaves run for many steps on a simulated population (no engine):
 * the member counts must stay on the configured Zipf law, and come back to it from elsewhere;
 * posts must follow members.
 */
final class SubredditChoicesTest {

  private static final int SUBREDDITS = 100;
  private static final int USERS = 2_000;
  /** About five turnovers of 6,000 memberships, of which a step changes 0.4 on average. */
  private static final int BURN_IN = 75_000;
  private static final int SNAPSHOTS = 20;
  private static final int BETWEEN_SNAPSHOTS = 7_500;

  @ParameterizedTest(name = "s={0}")
  @ValueSource(doubles = {0.8, 1.0, 1.2})
  void joinsAndLeavesKeepTheLawStationary(double exponent) {
    Population p = new Population(exponent, exponent, 11L);
    p.steps(BURN_IN);
    double fitted = p.meanFittedExponent();
    assertEquals(exponent, fitted, ZipfFit.DRIFT_LIMIT, "mean fitted exponent " + fitted);
  }

  @ParameterizedTest(name = "s={0}")
  @ValueSource(doubles = {0.8, 1.0, 1.2})
  void countsDrawnFromAFlatterLawComeBackToTheConfiguredOne(double exponent) {
    Population p = new Population(exponent - 0.5, exponent, 12L);
    double before = p.fittedExponent();
    assertTrue(exponent - before > 0.3, "the start is off the law: fitted " + before);
    p.steps(BURN_IN);
    double fitted = p.meanFittedExponent();
    assertEquals(exponent, fitted, ZipfFit.DRIFT_LIMIT, "mean fitted exponent " + fitted);
  }

  @Test
  void usersKeepTheSetupsMeanOfSubredditsAndNeverDropBelowOne() {
    Population p = new Population(1.0, 1.0, 13L);
    double before = p.meanJoined();
    p.steps(BURN_IN + SNAPSHOTS * BETWEEN_SNAPSHOTS);
    assertEquals(1 + ZipfMembership.MEAN_EXTRA, before, 0.15);
    assertEquals(1 + ZipfMembership.MEAN_EXTRA, p.meanJoined(), 0.15);
    assertTrue(p.choices.carried() < SubredditChoices.CARRIED_MIN / 2, "carried " + p.choices.carried());
    for (SimUser u : p.users) {
      assertTrue(u.joinedCount() >= 1, u + " holds " + u.joinedCount());
    }
  }

  @Test
  void postsPerSubredditAreProportionalToMembers() {
    Population p = new Population(1.0, 1.0, 14L);
    p.steps(BURN_IN);
    long[] posts = p.posts(200_000);
    double[] expected = new double[SUBREDDITS];
    for (int rank = 1; rank <= SUBREDDITS; rank++) {
      expected[rank - 1] = p.choices.members(rank);
    }
    double pValue = new ChiSquareTest().chiSquareTest(expected, posts);
    assertTrue(pValue > 0.001, "chi-square p = " + pValue + " for posts " + Arrays.toString(posts));
  }

  @Test
  void postsRankWithMembersAsARunOfFourMinutesMakesThem() {
    // 2 clients x 1000 users make about 5,600 posts in 4 minutes at the default rate and mix.
    Population p = new Population(1.0, 1.0, 15L);
    p.steps(BURN_IN);
    long[] posts = p.posts(5_600);
    List<double[]> withPosts = new ArrayList<>();
    for (int rank = 1; rank <= SUBREDDITS; rank++) {
      if (posts[rank - 1] > 0) {
        withPosts.add(new double[] {p.choices.members(rank), posts[rank - 1]});
      }
    }
    double spearman = new SpearmansCorrelation().correlation(
        withPosts.stream().mapToDouble(x -> x[0]).toArray(),
        withPosts.stream().mapToDouble(x -> x[1]).toArray());
    assertTrue(spearman >= 0.9, "Spearman " + spearman + " over " + withPosts.size() + " subreddits");
  }

  @Test
  void aUserWithOneSubredditKeepsIt() {
    SubredditChoices choices = new SubredditChoices(new ZipfTable(10, 1.0), 2);
    SimUser one = new SimUser(0, "one");
    SimUser two = new SimUser(1, "two");
    join(choices, one, 1);
    join(choices, two, 1);
    join(choices, two, 2);
    SplittableRandom r = new SplittableRandom(1);
    assertEquals(0, choices.leaveRank(one, r));
    int left = choices.leaveRank(two, r);
    assertTrue(left == 1 || left == 2, "left " + left);
  }

  @Test
  void aJoinIsNeverOfASubredditHeldAndFailsWhenAllAre() {
    SubredditChoices choices = new SubredditChoices(new ZipfTable(3, 1.0), 1);
    SimUser u = new SimUser(0, "u");
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < 3; i++) {
      int rank = choices.joinRank(u, r);
      assertFalse(u.hasJoined(rank), "rank " + rank);
      join(choices, u, rank);
    }
    assertEquals(0, choices.joinRank(u, r));
  }

  private static void join(SubredditChoices choices, SimUser u, int rank) {
    assertTrue(u.addJoined(rank));
    choices.joined(u, rank);
  }

  /** One client's users, drawn at setup by one law, then churned by another. */
  private static final class Population {

    final SimUser[] users = new SimUser[USERS];
    final SubredditChoices choices;
    private final SplittableRandom random;
    private final double joinShare;

    Population(double setupExponent, double exponent, long seed) {
      choices = new SubredditChoices(new ZipfTable(SUBREDDITS, exponent), USERS);
      random = new SplittableRandom(seed);
      ActionMix mix = ActionMix.defaults();
      joinShare = mix.weight(Action.JOIN) / (mix.weight(Action.JOIN) + mix.weight(Action.LEAVE));
      int[][] drawn = new ZipfMembership(SUBREDDITS, setupExponent, seed).draw(USERS);
      for (int i = 0; i < USERS; i++) {
        users[i] = new SimUser(i, "u" + i);
        for (int rank : drawn[i]) {
          join(choices, users[i], rank);
        }
      }
    }

    /** Runs {@code count} joins and leaves, in the default mix's proportion, by random users. */
    void steps(int count) {
      for (int i = 0; i < count; i++) {
        SimUser u = users[random.nextInt(USERS)];
        if (random.nextDouble() < joinShare) {
          int rank = choices.joinRank(u, random);
          if (rank != 0) {
            join(choices, u, rank);
          }
        } else {
          int rank = choices.leaveRank(u, random);
          if (rank != 0) {
            assertTrue(u.removeJoined(rank), u + " left " + rank + ", which it did not hold");
            choices.left(u, rank);
          }
        }
      }
    }

    /** Returns the fitted exponent averaged over snapshots, which averages out the noise. */
    double meanFittedExponent() {
      double sum = 0;
      for (int i = 0; i < SNAPSHOTS; i++) {
        steps(BETWEEN_SNAPSHOTS);
        sum += fittedExponent();
      }
      return sum / SNAPSHOTS;
    }

    double fittedExponent() {
      long[] members = new long[SUBREDDITS];
      for (int rank = 1; rank <= SUBREDDITS; rank++) {
        members[rank - 1] = -choices.members(rank);
      }
      Arrays.sort(members); // most members first, as the merge ranks them
      return ZipfFit.of(Arrays.stream(members).map(m -> -m).toArray()).exponent();
    }

    /** Returns the posts per rank of {@code count} posts. */
    long[] posts(int count) {
      long[] posts = new long[SUBREDDITS];
      for (int i = 0; i < count; i++) {
        posts[choices.postRank(random) - 1]++;
      }
      return posts;
    }

    double meanJoined() {
      return Arrays.stream(users).mapToInt(SimUser::joinedCount).average().orElseThrow();
    }
  }
}
