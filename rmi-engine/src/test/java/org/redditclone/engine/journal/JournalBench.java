package org.redditclone.engine.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.Event.Target;

/**
 * A plain benchmark, not a test: what each fsync policy costs a caller, with T threads appending
 * vote events and waiting as the service wrappers do. Run:
 * {@code java -cp rmi-engine/target/classes:rmi-engine/target/test-classes:rmi-api/target/classes:rmi-engine/target/lib/* org.redditclone.engine.journal.JournalBench [threads] [events-per-thread]}
 */
public final class JournalBench {

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    System.out.println("policy,threads,events,events_per_s,p50_us,p99_us,forces,events_per_force");
    for (FsyncPolicy policy : FsyncPolicy.values()) {
      Path dir = Files.createTempDirectory("journal-bench");
      JournalOptions opts = JournalOptions.defaults().withFsync(policy).withSnapshotEvery(0);
      try (Journal j = Journal.open(dir, opts, e -> {}, e -> {})) {
        long[][] lat = new long[threads][perThread];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int me = t;
          Thread th = new Thread(() -> {
            try {
              go.await();
              for (int i = 0; i < perThread; i++) {
                long s = System.nanoTime();
                j.accept(new Event.VoteCast(Target.POST, i + 1, me + 1, VoteDirection.UP, s));
                j.awaitCallerEvents();
                lat[me][i] = System.nanoTime() - s;
              }
            } catch (Exception e) {
              throw new RuntimeException(e);
            }
          });
          th.start();
          ts.add(th);
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread th : ts) {
          th.join();
        }
        long elapsed = System.nanoTime() - start;
        long[] all = Arrays.stream(lat).flatMapToLong(Arrays::stream).sorted().toArray();
        JournalStats s = j.stats();
        long events = (long) threads * perThread;
        System.out.printf("%s,%d,%d,%.0f,%d,%d,%d,%.1f%n", policy.optionValue(), threads, events,
            events * 1e9 / elapsed, all[all.length / 2] / 1000, all[(int) (all.length * 0.99)] / 1000,
            s.forces(), s.forces() == 0 ? 0.0 : (double) events / s.forces());
      }
    }
  }
}
