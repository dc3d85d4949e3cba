/**
 * The coordinator of a run: {@link org.redditclone.client.merge.MergeMain} records the engine's
 * counts before the clients start ({@code baseline}) and, after they end, merges the per-client
 * metrics files into the run's summaries ({@code merge}): merged histograms (never averaged
 * percentiles), a per-second timeline, errors, the run's configuration, a consistency check of
 * the engine's counts against what the clients were acknowledged, and a Zipf check of subreddit
 * membership.
 *
 * <p>The arithmetic lives in small classes tested without RMI; {@code MergeMain} only wires them.
 */
package org.redditclone.client.merge;
