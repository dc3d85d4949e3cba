/**
 * Compares runs, as Go's benchstat compares benchmarks: {@link
 * org.redditclone.client.compare.CompareMain} reads one or more run directories per side, and
 * per operation shows throughput, p50, p99, p99.9 and error rate of each side, the change in
 * percent, and whether the change is significant (Mann-Whitney U test, alpha 0.05) or not
 * ({@code ~}).
 *
 * <p>What is tested: with 3 or more runs on each side, the per-run figures of merged.csv; with
 * fewer, the per-second samples of timeline.csv for throughput, p50 and error rate, and a
 * quantile test over the calls of the hlogs for p99 and p99.9, which a second holds too few calls
 * to estimate (see {@link org.redditclone.client.compare.QuantileTest}).
 */
package org.redditclone.client.compare;
