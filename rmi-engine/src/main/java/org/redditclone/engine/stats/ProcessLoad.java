package org.redditclone.engine.stats;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The engine JVM's garbage collections and CPU so far, from the platform MXBeans: what the stats
 * service adds to the counters, so that a run's coordinator can set a latency spike next to a
 * GC pause.
 */
public final class ProcessLoad {

  /** The collectors that pause the application; cycles that run beside it are left out. */
  private static final List<GarbageCollectorMXBean> PAUSING = ManagementFactory.getGarbageCollectorMXBeans()
      .stream().filter(bean -> !concurrent(bean.getName())).toList();

  private ProcessLoad() {}

  /** Returns the stop-the-world collections so far. */
  public static long gcCount() {
    return PAUSING.stream().mapToLong(bean -> Math.max(0, bean.getCollectionCount())).sum();
  }

  /** Returns the time the stop-the-world collections took so far, milliseconds. */
  public static long gcPauseMillis() {
    return PAUSING.stream().mapToLong(bean -> Math.max(0, bean.getCollectionTime())).sum();
  }

  /** Returns the CPU time of this process so far, nanoseconds, or -1 where the JVM cannot tell. */
  public static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /**
   * Returns whether a collector bean counts concurrent work rather than pauses: G1's "G1
   * Concurrent GC" (JDK 20 and later), ZGC's and Shenandoah's "Cycles".
   */
  static boolean concurrent(String beanName) {
    return beanName.contains("Concurrent") || beanName.contains("Cycles");
  }
}
