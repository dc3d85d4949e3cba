/**
 * The engine's counters: per-operation call counts, the stats service, and the JMX MBean that
 * shows the same figures.
 */
package org.redditclone.engine.stats;
