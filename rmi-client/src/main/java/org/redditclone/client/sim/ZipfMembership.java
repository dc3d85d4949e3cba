package org.redditclone.client.sim;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Draws which subreddits each user joins, so that the member count of rank r is proportional to
 * r^-s.
 *
 * <p>Each user joins 1 + G subreddits, G geometric with mean {@value #MEAN_EXTRA}. Every join is
 * one draw of {@code ZipfDistribution(M, s)}. A draw the user already holds is not thrown away,
 * which would thin out the popular ranks, but carried to the next user who lacks it; so every
 * draw becomes exactly one membership (except for at most a few left over at the very end), and
 * the member counts follow the multinomial of the Zipf law.
 */
final class ZipfMembership {

  /** The mean number of subreddits a user joins beyond the first. */
  static final double MEAN_EXTRA = 2.0;

  /** The most subreddits one user joins at setup. */
  static final int MAX_PER_USER = 24;

  private final ZipfDistribution zipf;
  private final RandomGenerator random;
  private final int elements;
  private final Deque<Integer> carried = new ArrayDeque<>();

  /** Returns a drawer over ranks 1..{@code elements} with the given exponent and seed. */
  ZipfMembership(int elements, double exponent, long seed) {
    this.random = new Well19937c(seed);
    this.zipf = new ZipfDistribution(random, elements, exponent);
    this.elements = elements;
  }

  /** Returns the ranks joined by each of {@code users} users, each array sorted ascending. */
  int[][] draw(int users) {
    int[][] memberships = new int[users][];
    double stop = 1.0 / (1.0 + MEAN_EXTRA); // geometric: mean (1-p)/p = MEAN_EXTRA
    int cap = Math.min(MAX_PER_USER, elements);
    for (int u = 0; u < users; u++) {
      int count = 1;
      while (count < cap && random.nextDouble() >= stop) {
        count++;
      }
      int[] ranks = new int[count];
      int held = 0;
      for (Iterator<Integer> it = carried.iterator(); it.hasNext() && held < count; ) {
        int r = it.next();
        if (!contains(ranks, held, r)) {
          ranks[held++] = r;
          it.remove();
        }
      }
      int attempts = 0;
      while (held < count) {
        int r = zipf.sample();
        if (contains(ranks, held, r)) {
          carried.addLast(r);
          if (++attempts > 64 * count) {
            break; // a tiny M with a steep law: take what we have
          }
        } else {
          ranks[held++] = r;
        }
      }
      int[] joined = Arrays.copyOf(ranks, held);
      Arrays.sort(joined);
      memberships[u] = joined;
    }
    return memberships;
  }

  private static boolean contains(int[] ranks, int count, int r) {
    for (int i = 0; i < count; i++) {
      if (ranks[i] == r) {
        return true;
      }
    }
    return false;
  }
}
