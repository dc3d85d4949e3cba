/**
 * The single-process shape of a simulation ({@code scripts/simulate.sh --in-process}): the engine
 * and K simulated clients in one JVM, the clients calling the engine's service objects directly.
 * Same simulator, same run folder and files as a run over RMI, so that the two compare.
 */
package org.redditclone.inprocess;
