package org.redditclone.client.merge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redditclone.api.WriteCounts;
import org.redditclone.client.metrics.AckedWrites;
import org.redditclone.client.runfiles.RunFiles;
import org.redditclone.client.runfiles.RunKeys.Client;

/**
 * Makes the consistency check of a run folder against the live engine: for each client, what the
 * engine holds of the writes of its users (the names {@code user.prefix} then an index below
 * {@code users}) less what it held of them before the client's setup ({@code before.*}), against
 * what client-K.properties says they were acknowledged ({@code acked.*}); and the outside writes,
 * the engine's counts now less baseline.properties less the run's own.
 */
final class ConsistencyCheck {

  /** What one client's files say. */
  private record ClientFiles(ClientRun run, String prefix, long users, WriteCounts before,
      WriteCounts acked, List<WriteCounts> ackedUsers) {}

  private ConsistencyCheck() {}

  /**
   * Returns the check of {@code clients} of the run in {@code dir}; not checked, naming why, when
   * a client left no report or the engine does not answer.
   *
   * @throws IOException if a client's file cannot be read or holds a malformed count
   */
  static Consistency.Result of(Path dir, Collection<ClientRun> clients, LiveEngine engine)
      throws IOException {
    List<String> reasons = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (ClientRun client : clients) {
      if (client.properties().isEmpty()) {
        client.notFinishedReason().ifPresent(unknown::add);
      } else if (client.property(Client.USER_PREFIX).isEmpty()) {
        unknown.add("client " + client.id() + " has no " + Client.USER_PREFIX.key() + " in "
            + RunFiles.clientProperties(client.id()) + ": its simulator counted no writes per user");
      }
    }
    if (!unknown.isEmpty()) {
      return Consistency.notChecked(unknown);
    }
    List<ClientFiles> files = new ArrayList<>();
    for (ClientRun client : clients) {
      files.add(read(client, reasons));
    }
    Optional<WriteCounts> baseline = Optional.empty();
    Path baselineFile = dir.resolve(RunFiles.BASELINE_PROPERTIES);
    if (Files.isRegularFile(baselineFile)) {
      baseline = Optional.of(engineCounts("baseline", Baseline.read(baselineFile)));
    } else {
      notes.add("no " + RunFiles.BASELINE_PROPERTIES + " in " + dir + " ('MergeMain baseline' "
          + "before the clients start records it), so the outside writes are unknown");
    }

    WriteCounts now;
    List<Consistency.ClientCounts> counts = new ArrayList<>();
    try {
      now = engineCounts("engine", Baseline.counts(engine.stats()));
      for (ClientFiles client : files) {
        counts.add(compared(client, engine.writeCounts(client.prefix()), notes));
      }
    } catch (Exception e) {
      return Consistency.notChecked(
          List.of("cannot read the counts of " + engine + ": " + RunMerger.describe(e)));
    }
    WriteCounts run = AckedWrites.sum("run", counts.stream().map(Consistency.ClientCounts::engine).toList());
    Optional<WriteCounts> outside =
        baseline.map(before -> Consistency.minus(Consistency.minus(now, before), run));
    return Consistency.compare(counts, outside, notes, reasons);
  }

  /** Returns what {@code client}'s files say; a missing count is a reason to fail. */
  private static ClientFiles read(ClientRun client, List<String> reasons) throws IOException {
    List<String> absent = new ArrayList<>();
    WriteCounts before = client.counts(Client::before, absent);
    WriteCounts acked = client.lost() ? null : client.counts(Client::acked, absent);
    long users = client.number(Client.USERS).orElse(0);
    if (!absent.isEmpty()) {
      reasons.add("client " + client.id() + " has no " + String.join(", ", absent) + " in "
          + RunFiles.clientProperties(client.id()));
    }
    if (!client.lost()) {
      client.notFinishedReason().ifPresent(reasons::add);
    }
    // Users named only when new to the engine: for reused ones, what each held before is unknown.
    List<WriteCounts> ackedUsers = acked != null && AckedWrites.isZero(before)
        && Files.isRegularFile(client.usersCsv()) ? AckedWrites.read(client.usersCsv()) : List.of();
    return new ClientFiles(client, client.property(Client.USER_PREFIX).orElseThrow(), users, before,
        acked, ackedUsers);
  }

  /** Returns the client's counts from the engine's {@code rows} under its prefix. */
  private static Consistency.ClientCounts compared(
      ClientFiles client, List<WriteCounts> rows, List<String> notes) {
    List<WriteCounts> own = rows.stream().filter(row -> isUser(row.username(), client)).toList();
    WriteCounts during = Consistency.minus(AckedWrites.sum("client " + client.run().id(), own),
        client.before());
    if (client.acked() == null) {
      client.run().notFinishedReason().ifPresent(notes::add);
      return Consistency.ClientCounts.lost(client.run().id(), during);
    }
    return new Consistency.ClientCounts(client.run().id(), false, during, client.acked(),
        client.ackedUsers().isEmpty() ? List.of() : own, client.ackedUsers());
  }

  /**
   * Returns whether {@code name} is one of the client's users: its prefix, then an index below
   * its users, written as the simulator writes it. Anyone else's name under the prefix (a person
   * who registered {@code u1_k3x9_x}) is not, and its writes are outside writes.
   */
  private static boolean isUser(String name, ClientFiles client) {
    if (!name.startsWith(client.prefix())) {
      return false;
    }
    String index = name.substring(client.prefix().length());
    if (index.isEmpty() || index.length() > 9 || (index.length() > 1 && index.charAt(0) == '0')
        || !index.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return Long.parseLong(index) < client.users();
  }

  /** Returns the counted items of the engine's counts as baseline.properties keys them. */
  private static WriteCounts engineCounts(String name, Map<String, Long> counts) {
    return AckedWrites.of(name, item -> counts.get(item.header()));
  }
}
