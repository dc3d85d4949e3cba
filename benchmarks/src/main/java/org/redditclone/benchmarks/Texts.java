package org.redditclone.benchmarks;

import java.util.SplittableRandom;

/** Random texts of words like the simulator's, so that sizes match a bench run. */
final class Texts {

  private static final String[] WORDS = {
    "rmi", "engine", "karma", "vote", "thread", "latency", "zipf", "hot", "new", "top",
    "java", "queue", "cache", "replay", "journal", "client", "server", "stub", "feed", "post",
    "comment", "reply", "subreddit", "rank", "score", "wilson", "bound", "load", "open", "closed"
  };

  private Texts() {}

  /** Returns {@code count} random words separated by spaces. */
  static String words(SplittableRandom r, int count) {
    StringBuilder text = new StringBuilder(count * 8);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(WORDS[r.nextInt(WORDS.length)]);
    }
    return text.toString();
  }
}
