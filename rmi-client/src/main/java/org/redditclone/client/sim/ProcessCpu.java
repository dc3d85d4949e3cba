package org.redditclone.client.sim;

import java.lang.management.ManagementFactory;

/**
 * The CPU time this JVM has used, all threads and the JIT and GC included. Benchmarks divide it
 * by the calls made to get CPU per call, a figure that other work on the machine hardly skews.
 */
final class ProcessCpu {

  private ProcessCpu() {}

  /** Returns the CPU time of this process in nanoseconds, or -1 where the JVM cannot tell. */
  static long nanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
