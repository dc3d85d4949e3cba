/**
 * The run coordinator: one process per run that owns its clock and its folder. Client JVMs join
 * it over RMI ({@link org.redditclone.api.RunCoordinator}); it starts the common measured window
 * once the expected clients are set up ({@link org.redditclone.client.coordinator.RunWindow}),
 * merges the seconds they push as they come ({@link org.redditclone.client.coordinator.LiveMerge}),
 * reads the engine's GC and CPU each second, shows the run live (a terminal line and the {@code
 * RunView} of the live page), evaluates the thresholds, and at the end writes the run folder from
 * what the clients uploaded and merges it with the file merge of {@code merge}.
 */
package org.redditclone.client.coordinator;
