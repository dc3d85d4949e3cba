package org.redditclone.engine.journal;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Registers a journal's {@link JournalMXBean}. */
final class JournalMBean implements JournalMXBean {

  static final String OBJECT_NAME = "org.redditclone:type=Journal";

  private final Journal journal;

  private JournalMBean(Journal journal) {
    this.journal = journal;
  }

  /** Registers the bean, replacing one left by an earlier journal in this JVM; close to unregister. */
  static AutoCloseable register(Journal journal) throws JMException {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName(OBJECT_NAME);
    if (server.isRegistered(name)) {
      server.unregisterMBean(name);
    }
    server.registerMBean(new JournalMBean(journal), name);
    return () -> {
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    };
  }

  @Override public String getFsyncPolicy() { return journal.stats().fsync(); }
  @Override public long getRecoveredEvents() { return journal.stats().recoveredEvents(); }
  @Override public long getRecoveryMillis() { return journal.stats().recoveryMillis(); }
  @Override public long getAppendedEvents() { return journal.stats().appendedEvents(); }
  @Override public long getDurableEvents() { return journal.stats().durableEvents(); }
  @Override public long getBatches() { return journal.stats().batches(); }
  @Override public long getForces() { return journal.stats().forces(); }
  @Override public long getBytesWritten() { return journal.stats().bytesWritten(); }
  @Override public long getSnapshotsWritten() { return journal.stats().snapshotsWritten(); }
  @Override public long getSegment() { return journal.stats().segment(); }

  @Override
  public String getInvariantCheck() {
    InvariantCheck.Result r = journal.invariantCheck();
    return r == null ? "not run" : r.toString();
  }

  @Override
  public long getInvariantViolations() {
    InvariantCheck.Result r = journal.invariantCheck();
    return r == null ? -1 : r.violations();
  }
}
