package org.redditclone.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redditclone.api.StorageFailedException;
import org.redditclone.engine.events.Event;

/**
 * The journal's promise under faults: no caller is told its change was saved unless its event is in
 * the journal's files, and no caller is told it was not made if it is. Many threads append and
 * wait as the service wrappers do while the segment channel runs out of space or fails to force;
 * afterwards the files are read back with the recovery code and compared with what each caller was
 * told. Under every fsync policy, with small segments so that rolling (a force, a new file) happens
 * too.
 */
final class JournalFaultTest {

  private static final int THREADS = 8;
  /** Where the faults strike and how long events are; every failure message names it. */
  private static final long SEED = Long.getLong("journalFaultTest.seed", System.nanoTime());

  /** What a caller was told about its event. */
  enum Outcome {
    /** The call returned: the change is saved. */
    ACKNOWLEDGED,
    /** StorageFailedException from the wait: the event is not in the journal. */
    NOT_MADE,
    /** EventRefusedException from accept: nothing was appended. */
    REFUSED,
    /** RemoteException from the wait: the event may or may not be in the journal. */
    UNKNOWN
  }

  /** A fault of the segment channel, set after the journal has opened. */
  enum Fault {
    DISK_FULL(f -> f.diskFullAfter(40_000 + new SplittableRandom(SEED).nextInt(60_000))),
    DISK_FULL_AND_NO_CUT(f -> f.diskFullAfter(40_000 + new SplittableRandom(SEED).nextInt(60_000)).truncateFails()),
    FORCE_FAILS_ONCE(f -> f.forceFailsAfter(20 + new SplittableRandom(SEED).nextInt(20), false)),
    FORCE_FAILS_FOREVER(f -> f.forceFailsAfter(20 + new SplittableRandom(SEED).nextInt(20), true));

    final Consumer<FaultyChannel.Faults> set;

    Fault(Consumer<FaultyChannel.Faults> set) {
      this.set = set;
    }
  }

  @TempDir Path dir;

  static List<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (FsyncPolicy p : FsyncPolicy.values()) {
      for (Fault f : Fault.values()) {
        all.add(Arguments.of(p, f));
      }
    }
    return all;
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("cases")
  void noCallerIsToldSaved_forAnEventNotInTheFile_norNotMade_forOneThatIs(FsyncPolicy policy, Fault fault)
      throws Exception {
    JournalOptions opts = JournalOptions.defaults().withFsync(policy).withSnapshotEvery(0)
        .withSegmentBytes(16 * 1024).withFsyncInterval(Duration.ofMillis(2));
    FaultyChannel.Faults faults = new FaultyChannel.Faults();
    AtomicInteger failures = new AtomicInteger();
    Map<Long, Outcome> told = new ConcurrentHashMap<>();
    Journal journal = Journal.open(dir, opts, e -> {}, e -> failures.incrementAndGet(), faults.opener());
    Outcome afterwards;
    String refusal;
    try {
      fault.set.accept(faults);
      appendUntilRefused(journal, told, failures);
      afterwards = appendAndWait(journal, comment(-1, 1));
      refusal = assertThrows(StorageFailedException.class, journal::checkOpen).getMessage();
    } finally {
      journal.close();
    }
    Set<Long> inFile = new HashSet<>();
    Recovery.run(dir, e -> inFile.add(((Event.CommentAdded) e).commentId()), false);

    String context = policy + " " + fault + " seed " + SEED + ": " + count(told);
    assertEquals(1, failures.get(), "the failure handler runs once; " + context);
    assertTrue(count(told).get(Outcome.ACKNOWLEDGED) > 0, "the fault came after some writes; " + context);
    told.forEach((id, outcome) -> {
      switch (outcome) {
        case ACKNOWLEDGED -> assertTrue(inFile.contains(id), "acknowledged #" + id + " is lost; " + context);
        case NOT_MADE, REFUSED -> assertFalse(inFile.contains(id),
            "#" + id + " was " + outcome + " but is in the file; " + context);
        case UNKNOWN -> { } // either is right
      }
    });
    assertEquals(Outcome.REFUSED, afterwards, "an event after the failure; " + context);
    assertTrue(refusal.startsWith("the engine's journal failed: ") && refusal.contains(" in " + dir + "; "),
        refusal);
  }

  /** Appends from many threads, each waiting as a service call does, until each is refused. */
  private static void appendUntilRefused(Journal journal, Map<Long, Outcome> told, AtomicInteger failed)
      throws Exception {
    AtomicLong ids = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int me = t;
      Thread thread = new Thread(() -> {
        SplittableRandom random = new SplittableRandom(SEED + me);
        try {
          int afterFailure = 0;
          for (int i = 0; i < 1_000_000; i++) {
            long id = ids.incrementAndGet();
            Outcome outcome = appendAndWait(journal, comment(id, 1 + random.nextInt(400)));
            told.put(id, outcome);
            // A few more after the failure, so that a journal that went on acknowledging shows.
            if (outcome == Outcome.REFUSED || failed.get() > 0 && ++afterFailure > 20) {
              return;
            }
          }
          throw new AssertionError("the fault never came");
        } catch (Throwable e) {
          synchronized (errors) {
            errors.add(e);
          }
        }
      }, "appender-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    if (!errors.isEmpty()) {
      throw new AssertionError("an appender failed: " + errors, errors.get(0));
    }
  }

  private static Outcome appendAndWait(Journal journal, Event event) {
    try {
      journal.accept(event);
    } catch (EventRefusedException e) {
      return Outcome.REFUSED;
    }
    try {
      journal.awaitCallerEvents();
      return Outcome.ACKNOWLEDGED;
    } catch (StorageFailedException e) {
      return Outcome.NOT_MADE;
    } catch (RemoteException e) {
      return Outcome.UNKNOWN;
    }
  }

  private static Event comment(long id, int bodyLength) {
    return new Event.CommentAdded(id, 1, 0, 1, "x".repeat(bodyLength), id, 0);
  }

  private static Map<Outcome, Integer> count(Map<Long, Outcome> told) {
    Map<Outcome, Integer> n = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      n.put(o, 0);
    }
    told.values().forEach(o -> n.merge(o, 1, Integer::sum));
    return n;
  }
}
