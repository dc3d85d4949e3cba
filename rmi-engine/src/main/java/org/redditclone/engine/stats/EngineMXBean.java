package org.redditclone.engine.stats;

import java.util.Map;

/** The engine's counters in JMX, under {@link EngineMBeans#OBJECT_NAME}; the same figures as the stats service. */
public interface EngineMXBean {

  /** Returns the number of registered users. */
  long getUsers();

  /** Returns the number of users online. */
  long getOnlineUsers();

  /** Returns the number of subreddits. */
  long getSubreddits();

  /** Returns the number of posts, deleted ones included. */
  long getPosts();

  /** Returns the number of comments, deleted ones included. */
  long getComments();

  /** Returns the number of votes currently cast. */
  long getVotes();

  /** Returns the number of direct messages. */
  long getMessages();

  /** Returns the number of subreddit memberships. */
  long getMemberships();

  /** Returns milliseconds since the engine started. */
  long getUptimeMillis();

  /** Returns remote calls served per operation name. */
  Map<String, Long> getCallsByOperation();

  /** Returns the engine JVM's stop-the-world garbage collections so far. */
  long getGcCount();

  /** Returns the time those collections took, milliseconds. */
  long getGcPauseMillis();

  /** Returns the engine process's CPU time so far, nanoseconds; -1 where unknown. */
  long getProcessCpuNanos();
}
