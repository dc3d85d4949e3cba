package org.redditclone.client.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class IntervalHistogramTest {

  @Test
  void anIntervalHoldsWhatWasRecordedSinceTheLast_andTheSpareStartsEmpty() {
    IntervalHistogram h = new IntervalHistogram();
    h.recordValue(1_000);
    h.recordValue(5_000_000);
    Histogram first = h.takeInterval(null);
    assertEquals(2, first.getTotalCount());
    assertEquals(5_000_000, first.getMaxValue(), 5_000); // 3 significant digits

    Histogram used = new Histogram(Latencies.SIGNIFICANT_DIGITS);
    used.recordValue(42);
    h.recordValue(7);
    Histogram second = h.takeInterval(used);
    assertEquals(1, second.getTotalCount(), "only the value recorded after the first interval");
    assertNotSame(used, second);
    assertEquals(0, h.takeInterval(first).getTotalCount(), "the spare was reset before it took values");
  }

  @Test
  void valuesRecordedByManyThreadsWhileIntervalsAreTaken_areEachCountedOnce() throws Exception {
    IntervalHistogram h = new IntervalHistogram();
    int threads = 4;
    int perThread = 200_000;
    List<Thread> recorders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread r = new Thread(() -> {
        for (int i = 1; i <= perThread; i++) {
          h.recordValue(i % 10_000_000 + 1);
        }
      });
      recorders.add(r);
      r.start();
    }
    AtomicBoolean done = new AtomicBoolean();
    long[] taken = {0};
    Thread taker = new Thread(() -> {
      Histogram spare = null;
      while (!done.get()) {
        Histogram interval = h.takeInterval(spare);
        taken[0] += interval.getTotalCount();
        spare = interval;
      }
    });
    taker.start();
    for (Thread r : recorders) {
      r.join();
    }
    done.set(true);
    taker.join();
    taken[0] += h.takeInterval(null).getTotalCount();
    assertEquals((long) threads * perThread, taken[0]);
  }
}
