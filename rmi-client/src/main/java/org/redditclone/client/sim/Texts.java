package org.redditclone.client.sim;

import java.util.SplittableRandom;

/** Random short texts for titles, bodies, comments and messages, well within the limits. */
final class Texts {

  private static final String[] WORDS = {
    "rmi", "engine", "karma", "vote", "thread", "latency", "zipf", "hot", "new", "top",
    "java", "queue", "cache", "replay", "journal", "client", "server", "stub", "feed", "post",
    "comment", "reply", "subreddit", "rank", "score", "wilson", "bound", "load", "open", "closed",
    "loop", "tail", "p99", "histogram", "merge", "shard", "lock", "heap", "socket", "registry"
  };

  String title(SplittableRandom r) {
    return words(r, 3 + r.nextInt(6));
  }

  String body(SplittableRandom r) {
    return words(r, 10 + r.nextInt(40));
  }

  String comment(SplittableRandom r) {
    return words(r, 3 + r.nextInt(20));
  }

  String subject(SplittableRandom r) {
    return words(r, 2 + r.nextInt(4));
  }

  String message(SplittableRandom r) {
    return words(r, 4 + r.nextInt(16));
  }

  private static String words(SplittableRandom r, int count) {
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
