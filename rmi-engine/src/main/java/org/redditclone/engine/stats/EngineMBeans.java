package org.redditclone.engine.stats;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.redditclone.api.EngineStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers the engine's {@link EngineMXBean} on the platform MBean server. */
public final class EngineMBeans {

  /** The JMX name of the engine's counters. */
  public static final String OBJECT_NAME = "org.redditclone:type=Engine";

  private static final Logger log = LoggerFactory.getLogger(EngineMBeans.class);

  private EngineMBeans() {}

  /**
   * Registers an MXBean over {@code stats} and returns a handle that unregisters it, or a no-op
   * handle if another engine in this JVM holds the name.
   */
  public static AutoCloseable register(Supplier<EngineStats> stats) throws JMException {
    Objects.requireNonNull(stats, "stats");
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName(OBJECT_NAME);
    try {
      server.registerMBean(new StandardMBean(new Bean(stats), EngineMXBean.class, true), name);
    } catch (InstanceAlreadyExistsException e) {
      log.warn("JMX name {} is already registered in this JVM; this engine's MBean is not", OBJECT_NAME);
      return () -> {};
    }
    log.info("JMX counters registered as {}", OBJECT_NAME);
    return () -> server.unregisterMBean(name);
  }

  private static final class Bean implements EngineMXBean {
    private final Supplier<EngineStats> stats;

    Bean(Supplier<EngineStats> stats) {
      this.stats = stats;
    }

    @Override public long getUsers() { return stats.get().users(); }
    @Override public long getOnlineUsers() { return stats.get().onlineUsers(); }
    @Override public long getSubreddits() { return stats.get().subreddits(); }
    @Override public long getPosts() { return stats.get().posts(); }
    @Override public long getComments() { return stats.get().comments(); }
    @Override public long getVotes() { return stats.get().votes(); }
    @Override public long getMessages() { return stats.get().messages(); }
    @Override public long getMemberships() { return stats.get().memberships(); }
    @Override public long getUptimeMillis() { return stats.get().uptimeMillis(); }
    @Override public Map<String, Long> getCallsByOperation() { return stats.get().callsByOperation(); }
    @Override public long getGcCount() { return stats.get().gcCount(); }
    @Override public long getGcPauseMillis() { return stats.get().gcPauseMillis(); }
    @Override public long getProcessCpuNanos() { return stats.get().processCpuNanos(); }
  }
}
