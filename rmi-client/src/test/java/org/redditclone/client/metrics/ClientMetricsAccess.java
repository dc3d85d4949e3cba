package org.redditclone.client.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/** Opens {@link ClientMetrics}' hand-driven clock to tests of other packages. */
public final class ClientMetricsAccess {

  private ClientMetricsAccess() {}

  /** Returns metrics on {@code clock} whose seconds are drained by {@link #tick} only. */
  public static ClientMetrics create(int clientId, Path runDir, LongSupplier clock) throws IOException {
    return ClientMetrics.create(clientId, runDir, clock, false);
  }

  /** Drains the next second, as the timer would. */
  public static void tick(ClientMetrics metrics) throws IOException {
    metrics.tick();
  }
}
