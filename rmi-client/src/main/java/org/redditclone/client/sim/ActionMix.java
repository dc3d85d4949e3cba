package org.redditclone.client.sim;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The relative weights of the actions of the steady phase, and the draw of one action by weight.
 *
 * <p>Written {@code post=5,comment=6,vote_post=15,...}; an action not listed has weight 0, and
 * {@code vote=W} is short for {@code vote_post=W/2,vote_comment=W/2}. Immutable.
 */
final class ActionMix {

  /**
   * Reads dominate, votes are common, posts are rarer: roughly the shape of Reddit's traffic.
   * Joins are 2/3 of leaves because a leave by a user with one subreddit does nothing: so each
   * user holds 3 subreddits on average all run long, as at setup (see {@link SubredditChoices}).
   */
  static final String DEFAULT_SPEC =
      "feed=22,listing=15,comment_tree=14,vote_post=15,vote_comment=10,post=5,repost=1,"
          + "comment=6,reply=4,send_dm=2,inbox=3,reply_dm=1,join=0.8,leave=1.2";

  private static final Action[] ACTIONS = Action.values();

  private final double[] weights;
  private final double[] cumulative;

  private ActionMix(double[] weights) {
    this.weights = weights;
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
  }

  /** Returns the default mix, {@link #DEFAULT_SPEC}. */
  static ActionMix defaults() {
    return parse("--mix", DEFAULT_SPEC);
  }

  /**
   * Returns the mix written in {@code spec}.
   *
   * @throws IllegalArgumentException naming {@code option}, the value and what is wrong with it
   */
  static ActionMix parse(String option, String spec) {
    Objects.requireNonNull(option, "option");
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(option + " is empty; expected KEY=WEIGHT,... with keys " + keys());
    }
    double[] weights = new double[ACTIONS.length];
    boolean[] seen = new boolean[ACTIONS.length];
    for (String part : spec.split(",")) {
      String item = part.trim();
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            option + " '" + spec + "': item '" + item + "' is not KEY=WEIGHT");
      }
      String key = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String text = item.substring(eq + 1).trim();
      double weight;
      try {
        weight = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            option + " '" + spec + "': weight '" + text + "' of " + key + " is not a number", e);
      }
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException(
            option + " '" + spec + "': weight " + text + " of " + key + " must be a finite number >= 0");
      }
      if (key.equals("vote")) {
        set(option, spec, weights, seen, Action.VOTE_POST, weight / 2);
        set(option, spec, weights, seen, Action.VOTE_COMMENT, weight / 2);
      } else {
        set(option, spec, weights, seen, action(option, spec, key), weight);
      }
    }
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    if (total <= 0) {
      throw new IllegalArgumentException(option + " '" + spec + "' has no positive weight");
    }
    return new ActionMix(weights);
  }

  private static void set(
      String option, String spec, double[] weights, boolean[] seen, Action action, double weight) {
    if (seen[action.ordinal()]) {
      throw new IllegalArgumentException(
          option + " '" + spec + "' gives " + action.key() + " more than once");
    }
    seen[action.ordinal()] = true;
    weights[action.ordinal()] = weight;
  }

  private static Action action(String option, String spec, String key) {
    for (Action a : ACTIONS) {
      if (a.key().equals(key)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        option + " '" + spec + "' has unknown key '" + key + "'; the keys are " + keys());
  }

  private static String keys() {
    StringJoiner keys = new StringJoiner(", ");
    for (Action a : ACTIONS) {
      keys.add(a.key());
    }
    return keys + " (and vote = vote_post + vote_comment)";
  }

  /** Returns the action whose share of the total weight contains {@code u}, a number in [0, 1). */
  Action pick(double u) {
    double target = u * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (target < cumulative[i] && weights[i] > 0) {
        return ACTIONS[i];
      }
    }
    for (int i = weights.length - 1; i >= 0; i--) {
      if (weights[i] > 0) {
        return ACTIONS[i];
      }
    }
    throw new AssertionError("a mix has a positive weight");
  }

  /** Returns the weight of {@code action}, as given. */
  double weight(Action action) {
    return weights[action.ordinal()];
  }

  /** Returns the weights as a map, in the order of {@link Action}. */
  Map<Action, Double> weights() {
    Map<Action, Double> map = new EnumMap<>(Action.class);
    for (Action a : ACTIONS) {
      map.put(a, weights[a.ordinal()]);
    }
    return map;
  }

  /** Returns the mix written as {@code --mix} takes it, zero weights left out. */
  @Override
  public String toString() {
    StringJoiner spec = new StringJoiner(",");
    for (Action a : ACTIONS) {
      double w = weights[a.ordinal()];
      if (w > 0) {
        spec.add(a.key() + "=" + (w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w)));
      }
    }
    return spec.toString();
  }
}
