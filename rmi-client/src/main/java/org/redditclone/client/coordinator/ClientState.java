package org.redditclone.client.coordinator;

import org.redditclone.api.ClientPhase;
import org.redditclone.client.report.RunView;

/**
 * What the coordinator knows of one client of the run. Mutable; the coordinator's lock guards it.
 */
final class ClientState {

  static final String SETTING_UP = "setting-up";
  static final String WARMING_UP = "warming-up";
  static final String MEASURING = "measuring";
  static final String FINISHED = "finished";
  static final String STOPPED = "stopped";
  static final String LOST = "lost";
  static final String NOT_STARTED = "not-started";

  final int id;
  final String host;
  final int users;
  String state = SETTING_UP;
  long lastHeardMillis;
  int usersSetUp;
  boolean setUp;
  long firstSecond = -1;
  long lastSecond = -1;
  String note = "";

  ClientState(int id, String host, int users, long nowMillis) {
    this.id = id;
    this.host = host;
    this.users = users;
    this.lastHeardMillis = nowMillis;
  }

  /** Returns whether the run waits for nothing more from this client. */
  boolean settled() {
    return state.equals(FINISHED) || state.equals(STOPPED) || state.equals(LOST) || state.equals(NOT_STARTED);
  }

  /** Returns whether the client is alive and will still push seconds of the window. */
  boolean pushes() {
    return !settled() && firstSecond >= 0;
  }

  /** Returns the state a client reports with {@code phase}. */
  static String of(ClientPhase phase) {
    return switch (phase) {
      case SETTING_UP -> SETTING_UP;
      case WARMING_UP -> WARMING_UP;
      case MEASURING -> MEASURING;
      case FINISHED -> FINISHED;
      case STOPPED -> STOPPED;
    };
  }

  /** Returns the client as the live view shows it. */
  RunView.Client view() {
    return new RunView.Client(id, host, state, users, firstSecond, lastSecond);
  }
}
