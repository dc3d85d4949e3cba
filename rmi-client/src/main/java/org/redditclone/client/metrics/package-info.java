/**
 * Per-client latency metrics of a simulation run and the file formats they are written in.
 *
 * <p>{@link org.redditclone.client.metrics.ClientMetrics} records every remote call of a client
 * JVM into HdrHistogram recorders, one per operation and outcome, and writes the client's files
 * into the run directory. The formats (names, headers, tags, units) live in {@link
 * org.redditclone.client.runfiles.RunFiles}, {@link org.redditclone.client.metrics.Tag} and
 * {@link org.redditclone.client.metrics.Latencies}, so the merge coordinator reads exactly what
 * the clients write.
 *
 * <p>Units: latencies are recorded in nanoseconds (1 ns .. 1 h, 3 significant digits); every CSV
 * shows them in milliseconds with three decimals.
 */
package org.redditclone.client.metrics;

import org.redditclone.client.runfiles.RunFiles;
