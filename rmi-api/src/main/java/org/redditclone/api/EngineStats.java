package org.redditclone.api;

import java.util.Map;

/**
 * The engine's counters at the moment of the call.
 *
 * @param users registered users
 * @param onlineUsers users whose presence is online
 * @param subreddits subreddits
 * @param posts posts and reposts, deleted ones included
 * @param comments comments, deleted ones included
 * @param votes votes currently cast (a retracted vote no longer counts)
 * @param messages direct messages
 * @param memberships subreddit memberships (joins minus leaves)
 * @param uptimeMillis milliseconds since the engine started
 * @param callsByOperation remote calls served per operation name, failed ones included
 * @param gcCount garbage collections of the engine's JVM since it started (stop-the-world
 *     collections; concurrent cycles are not counted)
 * @param gcPauseMillis the time those collections took, milliseconds
 * @param processCpuNanos CPU time of the engine's process since it started, all threads,
 *     nanoseconds; -1 where the JVM cannot tell
 */
public record EngineStats(
    long users,
    long onlineUsers,
    long subreddits,
    long posts,
    long comments,
    long votes,
    long messages,
    long memberships,
    long uptimeMillis,
    Map<String, Long> callsByOperation,
    long gcCount,
    long gcPauseMillis,
    long processCpuNanos)
    implements java.io.Serializable {}
