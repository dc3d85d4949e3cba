package org.redditclone.engine.stats;

import java.util.Objects;
import java.util.function.Supplier;
import org.redditclone.api.EngineStats;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Page;
import org.redditclone.api.StatsService;
import org.redditclone.api.WriteCounts;

/** The remote stats service: returns the engine's counters now, and the users' counts of writes. */
public final class StatsServiceImpl implements StatsService {

  /** Pages through the users' counts of writes by name prefix; see {@link StatsService#writeCounts}. */
  @FunctionalInterface
  public interface WriteCountPages {
    Page<WriteCounts> page(String prefix, String cursor, int limit) throws InvalidInputException;
  }

  private final Supplier<EngineStats> stats;
  private final WriteCountPages writeCounts;

  /** Creates the service over a source of current counters and one of the users' counts. */
  public StatsServiceImpl(Supplier<EngineStats> stats, WriteCountPages writeCounts) {
    this.stats = Objects.requireNonNull(stats, "stats");
    this.writeCounts = Objects.requireNonNull(writeCounts, "writeCounts");
  }

  @Override
  public EngineStats stats() {
    return stats.get();
  }

  @Override
  public Page<WriteCounts> writeCounts(String prefix, String cursor, int limit)
      throws InvalidInputException {
    return writeCounts.page(prefix, cursor, limit);
  }

  @Override
  public void ping() {
    // Deliberately empty: the bare cost of a remote call, see StatsService#ping.
  }
}
