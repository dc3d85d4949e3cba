package org.redditclone.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ProcessLoadTest {

  @ParameterizedTest
  @CsvSource({
      "G1 Young Generation, false",
      "G1 Old Generation, false",
      "G1 Concurrent GC, true",
      "ZGC Pauses, false",
      "ZGC Cycles, true",
      "Shenandoah Cycles, true",
      "Copy, false",
      "MarkSweepCompact, false"})
  void onlyCollectorsThatPauseTheApplication_countAsPauses(String bean, boolean concurrent) {
    assertEquals(concurrent, ProcessLoad.concurrent(bean));
  }
}
