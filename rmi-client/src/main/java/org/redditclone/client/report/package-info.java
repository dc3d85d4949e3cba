/**
 * Reads a run directory and writes its self-contained {@code report.html}.
 *
 * <p>{@link org.redditclone.client.report.RunDir} reads what the merge left in {@code runs/<id>/}
 * (run.properties, merged.csv, timeline.csv, zipf.csv, errors.csv and the clients' interval
 * logs); {@link org.redditclone.client.report.ReportPage} renders the charts with XChart into
 * PNGs inlined as base64, so the page opens from disk with no network. The compare tool reuses
 * both to overlay two sets of runs.
 */
package org.redditclone.client.report;
