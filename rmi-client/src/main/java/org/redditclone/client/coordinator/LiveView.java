package org.redditclone.client.coordinator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.redditclone.api.RunClock;
import org.redditclone.client.merge.SummaryPrinter;
import org.redditclone.client.report.RunView;

/**
 * What a run shows while it goes: the {@link RunView} the live page renders, rebuilt at most once
 * a second, and the line printed to the terminal.
 */
final class LiveView implements Supplier<RunView> {

  private final Coordinator run;
  private volatile RunView latest;

  LiveView(Coordinator run) {
    this.run = run;
  }

  /** Rebuilds the view as of {@code now}; the main thread calls it every second. */
  void update(long now) {
    latest = build(now);
  }

  /** Returns the view as of the last update (built now before the first). */
  @Override
  public RunView get() {
    RunView view = latest;
    return view != null ? view : build(run.clock.getAsLong());
  }

  private RunView build(long now) {
    synchronized (run) {
      RunWindow window = run.window;
      boolean measured = run.merge.hasData();
      return new RunView(run.options.runId(), state(now), now, window.start() == RunClock.UNKNOWN ? -1 : window.start(),
          window.end() == RunClock.UNKNOWN ? -1 : window.end(), config(), run.clients.values().stream()
              .map(ClientState::view).toList(), run.merge.seconds(), measured ? run.merge.summary() : List.of(),
          measured ? run.merge.spectrum() : Map.of(), List.of(),
          run.thresholds().view(measured ? Optional.of(run.merge.summary()) : Optional.empty()), notes(),
          run.merge.errorCounts());
    }
  }

  private String state(long now) {
    RunWindow window = run.window;
    if (run.finished(now)) {
      return run.abortReason.isEmpty() ? "finished" : "aborted";
    }
    if (window.over(now)) {
      return "finishing";
    }
    if (window.start() != RunClock.UNKNOWN && now >= window.start()) {
      return "measuring";
    }
    return run.clients.values().stream().anyMatch(c -> c.setUp) ? "warming-up" : "setting-up";
  }

  private Map<String, String> config() {
    CoordinatorOptions o = run.options;
    Map<String, String> config = new LinkedHashMap<>();
    config.put("run.id", o.runId());
    config.put("registry", o.registry().toString());
    config.put("expect.clients", Integer.toString(o.expectedClients()));
    config.put("duration", CoordinatorOptions.text(o.duration()));
    config.put("warmup", CoordinatorOptions.text(o.warmup()));
    config.put("thresholds", String.join(" ", o.thresholds().stream().map(Threshold::expression).toList()));
    config.put("abort.on.fail", Boolean.toString(o.abortOnFail()));
    return config;
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    for (ClientState client : run.clients.values()) {
      if (client.state.equals(ClientState.LOST)) {
        notes.add("client " + client.id + " was lost" + (client.lastSecond >= 0
            ? " after second " + client.lastSecond + "; its seconds up to then count" : " before it measured"));
      } else if (client.state.equals(ClientState.NOT_STARTED)) {
        notes.add("client " + client.id + " failed to start: " + client.note);
      }
    }
    TreeSet<Long> seconds = new TreeSet<>();
    TreeSet<Integer> lagging = new TreeSet<>();
    for (RunView.Second second : run.merge.seconds()) {
      if (!second.laggingClients().isEmpty()) {
        seconds.add(second.second());
        lagging.addAll(second.laggingClients());
      }
    }
    if (!seconds.isEmpty()) {
      notes.add(SummaryPrinter.lagNote(seconds, lagging));
    }
    if (!run.abortReason.isEmpty()) {
      notes.add("the run was aborted: " + run.abortReason);
    }
    return notes;
  }

  /**
   * Returns the terminal line as of {@code now}: time, clients by state, and over the seconds
   * measured since the last line ALL calls/s, p50/p99/p99.9, errors and users online, and the
   * engine's GC pauses.
   */
  String line(long now) {
    synchronized (run) {
      RunWindow window = run.window;
      StringBuilder line = new StringBuilder();
      if (window.start() == RunClock.UNKNOWN || now < window.start()) {
        line.append(String.format(Locale.ROOT, "%4ds ", (now - run.startedMillis) / 1000));
        line.append(window.start() == RunClock.UNKNOWN ? "waiting for " + run.options.expectedClients() + " client(s)"
            : "window in " + ceilSeconds(window.start() - now) + "s");
      } else if (window.over(now)) {
        long waiting = run.clients.values().stream().filter(c -> !c.settled()).count();
        line.append(String.format(Locale.ROOT, "%4ds window ended", (window.end() - window.start()) / 1000));
        line.append(waiting == 0 ? "" : ", waiting for " + waiting + " client(s) to deliver");
      } else {
        line.append(String.format(Locale.ROOT, "%4ds measuring, %ds left", (now - window.start()) / 1000,
            ceilSeconds(window.end() - now)));
      }
      line.append(" | clients ").append(count(ClientState.MEASURING)).append(" measuring, ")
          .append(count(ClientState.SETTING_UP)).append(" setting up");
      int usersSetUp = run.clients.values().stream().filter(c -> c.state.equals(ClientState.SETTING_UP))
          .mapToInt(c -> c.usersSetUp).sum();
      int usersToSetUp = run.clients.values().stream().filter(c -> c.state.equals(ClientState.SETTING_UP))
          .mapToInt(c -> c.users).sum();
      if (usersToSetUp > 0) {
        line.append(" (").append(usersSetUp).append('/').append(usersToSetUp).append(" users)");
      }
      line.append(", ").append(count(ClientState.WARMING_UP)).append(" warming up, ")
          .append(count(ClientState.LOST)).append(" lost");
      LiveMerge.Recent recent = run.merge.takeRecent();
      if (recent.seconds() > 0) {
        line.append(String.format(Locale.ROOT, " | ALL %.0f calls/s p50 %.2f p99 %.2f p99.9 %.2f ms | errors %d"
            + " | online %d", recent.callsPerSecond(), recent.p50(), recent.p99(), recent.p999(), recent.errors(),
            recent.usersOnline()));
      }
      line.append(String.format(Locale.ROOT, " | engine GC %.0f ms", run.gcMillisSinceLine));
      run.gcMillisSinceLine = 0;
      return line.toString();
    }
  }

  private long count(String state) {
    return run.clients.values().stream().filter(c -> c.state.equals(state)).count();
  }

  private static long ceilSeconds(long millis) {
    return (millis + 999) / 1000;
  }
}
