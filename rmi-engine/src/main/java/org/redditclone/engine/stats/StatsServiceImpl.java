package org.redditclone.engine.stats;

import java.util.Objects;
import java.util.function.Supplier;
import org.redditclone.api.EngineStats;
import org.redditclone.api.StatsService;

/** The remote stats service: returns the engine's counters now. */
public final class StatsServiceImpl implements StatsService {

  private final Supplier<EngineStats> stats;

  /** Creates the service over a source of current counters. */
  public StatsServiceImpl(Supplier<EngineStats> stats) {
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  @Override
  public EngineStats stats() {
    return stats.get();
  }

  @Override
  public void ping() {
    // Deliberately empty: the bare cost of a remote call, see StatsService#ping.
  }
}
