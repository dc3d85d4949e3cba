package org.redditclone.client.sim;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.redditclone.client.connect.EngineConnection;

/**
 * What one client JVM does from its start to its {@code client-K.properties}: the simulated
 * users ({@link SimClient}) or the ping loops ({@link PingClient}). {@link SimClientMain} runs
 * one and asks it to stop on TERM.
 */
abstract class ClientJob {

  final SimOptions options;
  final EngineConnection connection;
  final PrintStream out;
  private volatile boolean stopRequested;

  ClientJob(SimOptions options, EngineConnection connection, PrintStream out) {
    this.options = requireNonNull(options, "options");
    this.connection = requireNonNull(connection, "connection");
    this.out = requireNonNull(out, "out");
  }

  /** Asks a running job to end its steady phase now and report; it reports status=stopped. */
  final void requestStop() {
    stopRequested = true;
  }

  /** Returns whether a stop was asked for. */
  final boolean stopRequested() {
    return stopRequested;
  }

  /** Runs the whole job and returns the path of the properties it wrote. */
  abstract Path run() throws IOException, InterruptedException;
}
