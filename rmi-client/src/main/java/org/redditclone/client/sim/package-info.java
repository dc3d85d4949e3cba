/**
 * The load simulator: one client JVM ({@link org.redditclone.client.sim.SimClientMain}) plays
 * thousands of users against one engine.
 *
 * <p>A simulated user is a few hundred bytes of state ({@code SimUser}), never a thread. A
 * seeded Poisson process ({@code ArrivalTimes}) plans actions at the client's rate (open loop,
 * latency from the planned time), or {@code T} loops run actions back to back (closed loop); a
 * bounded worker pool makes the RMI calls. Subreddit membership and posting follow a Zipf law,
 * drawn at setup ({@code ZipfMembership}) and kept by the steady phase's joins and leaves
 * ({@code SubredditChoices}); users alternate online and offline periods
 * ({@code Presence}); they act on what listings, feeds and comment trees return, so users of one
 * client vote on, comment on and message users of the others. At the end the client writes
 * {@code client-K.properties} with what the engine acknowledged, which the coordinator checks
 * against the engine's own counters.
 */
package org.redditclone.client.sim;
