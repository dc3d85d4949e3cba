package org.redditclone.client.report;

import static java.util.Objects.requireNonNull;

/**
 * One row of timeline.csv ({@link org.redditclone.client.runfiles.RunColumns.Timeline}).
 *
 * @param second the second of the steady phase, 0 first
 * @param op the operation's wire name or {@code ALL}
 * @param count successful calls in the second
 * @param errors failed calls in the second
 * @param p50Millis median latency of the successes, NaN when there were none
 * @param p99Millis 99th percentile of the successes, NaN when there were none
 * @param usersOnline users online over all clients
 * @param clients clients that measured in the second, -1 if unknown (a run from before the column)
 * @param engineGcMillis the engine's GC pause time in the second, NaN if unknown
 * @param engineCpuPercent the engine process's CPU in the second (100 = one core), NaN if unknown
 * @param lagP99Millis the worst client's schedule-lag p99 in the second, NaN if unknown
 */
public record TimelineRow(
    long second, String op, long count, long errors, double p50Millis, double p99Millis,
    long usersOnline, int clients, double engineGcMillis, double engineCpuPercent,
    double lagP99Millis) {

  public TimelineRow {
    requireNonNull(op, "op");
  }
}
