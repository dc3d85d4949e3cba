/**
 * The run page: what a run shows, live while it goes and afterwards from its folder.
 *
 * <p>{@link org.redditclone.client.report.RunView} is what the page shows; the run coordinator
 * builds it from its live merge, and {@link org.redditclone.client.report.FolderView} from a run
 * folder ({@link org.redditclone.client.report.RunDir} reads the folder's files once). {@link
 * org.redditclone.client.report.RunViewJson} writes it as JSON and {@link
 * org.redditclone.client.report.RunPage} is the one page whose script draws it with uPlot:
 * embedded in report.html and in the compare tool's page, or polled every second from {@link
 * org.redditclone.client.report.RunPageServer}, the live page on loopback.
 */
package org.redditclone.client.report;
