package org.redditclone.engine.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.Engine;
import org.redditclone.engine.EngineConfig;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.Event.Target;

/**
 * A plain benchmark, not a test: writes the performance issue's large dataset as journal events
 * (100k users, 1k subreddits, 100k posts, 500k comments, 2M votes by default), then measures a
 * restart from the journal alone and from a snapshot. Run with a big heap:
 * {@code java -Xmx6g -cp rmi-engine/target/classes:rmi-engine/target/test-classes:rmi-api/target/classes:rmi-engine/target/lib/* org.redditclone.engine.journal.RestartBench [scale]}
 */
public final class RestartBench {

  public static void main(String[] args) throws Exception {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    int users = (int) (100_000 * scale);
    int subs = Math.max(10, (int) (1_000 * scale));
    int posts = (int) (100_000 * scale);
    int comments = (int) (500_000 * scale);
    int votes = (int) (2_000_000 * scale);
    Path dir = Files.createTempDirectory("restart-bench");
    Random rnd = new Random(7);
    String salt = Base64.getEncoder().encodeToString(new byte[16]);
    String hash = Base64.getEncoder().encodeToString(new byte[32]);
    long t0 = System.nanoTime();
    JournalOptions opts = JournalOptions.defaults().withFsync(FsyncPolicy.NONE).withSnapshotEvery(0);
    long events = 0;
    try (Journal j = Journal.open(dir, opts, e -> {}, e -> {})) {
      long at = 1_700_000_000_000L;
      for (int u = 1; u <= users; u++, events++) {
        j.accept(new Event.UserRegistered(u, "user" + u, 1000, salt, hash, at++));
      }
      for (int s = 1; s <= subs; s++, events++) {
        j.accept(new Event.SubredditCreated(s, "sub" + s, "about sub " + s, 1 + rnd.nextInt(users), at++));
      }
      for (int m = 0; m < users; m++, events++) {
        j.accept(new Event.MembershipChanged(1 + rnd.nextInt(users), 1 + rnd.nextInt(subs), true, at++));
      }
      for (long p = 1; p <= posts; p++, events++) {
        j.accept(new Event.PostSubmitted(p, 1 + rnd.nextInt(subs), 1 + rnd.nextInt(users), "title " + p,
            "a body of some length for post " + p, 0, at++));
      }
      for (long c = 1; c <= comments; c++, events++) {
        long parent = c > 10 && rnd.nextBoolean() ? c - 1 - rnd.nextInt(10) : 0;
        long post = 1 + rnd.nextInt(posts);
        j.accept(new Event.CommentAdded(c, post, 0, 1 + rnd.nextInt(users), "comment " + c, at++));
      }
      for (int v = 0; v < votes; v++, events++) {
        boolean onPost = rnd.nextInt(3) == 0;
        long item = onPost ? 1 + rnd.nextInt(posts) : 1 + rnd.nextInt(comments);
        j.accept(new Event.VoteCast(onPost ? Target.POST : Target.COMMENT, item, 1 + rnd.nextInt(users),
            rnd.nextInt(4) == 0 ? VoteDirection.DOWN : VoteDirection.UP, at++));
      }
    }
    long journalBytes;
    try (var files = Files.list(dir)) {
      journalBytes = files.mapToLong(p -> p.toFile().length()).sum();
    }
    System.out.printf("wrote %d events (%d MiB of journal) in %d ms%n", events, journalBytes >> 20,
        (System.nanoTime() - t0) / 1_000_000);
    restart(dir, "journal only");
    long s0 = System.nanoTime();
    long next = JournalFiles.segments(dir).get(JournalFiles.segments(dir).size() - 1) + 1;
    long written = Snapshots.compact(dir, next);
    long snapBytes = Files.size(JournalFiles.snapshot(dir, next));
    System.out.printf("snapshot: %d events (%d MiB) in %d ms%n", written, snapBytes >> 20,
        (System.nanoTime() - s0) / 1_000_000);
    restart(dir, "snapshot");
  }

  private static void restart(Path dir, String what) throws Exception {
    System.gc();
    long t = System.nanoTime();
    try (Engine engine = Engine.create(EngineConfig.defaults().withPasswordCost(1000))) {
      Journal j = Journal.open(dir, JournalOptions.defaults().withSnapshotEvery(0), engine::apply, e -> {});
      long replay = (System.nanoTime() - t) / 1_000_000;
      InvariantCheck.Result r = j.checkInvariants(engine::service);
      long total = (System.nanoTime() - t) / 1_000_000;
      Runtime rt = Runtime.getRuntime();
      System.out.printf("restart from %s: %d events recovered in %d ms, with invariant check %d ms (%s); heap used %d MiB%n",
          what, j.recoveredEvents(), replay, total, r.holds() ? "holds" : "VIOLATED " + r.violations(),
          (rt.totalMemory() - rt.freeMemory()) >> 20);
      j.close();
    }
  }
}
