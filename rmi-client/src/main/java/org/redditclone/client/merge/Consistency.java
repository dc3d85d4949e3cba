package org.redditclone.client.merge;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.redditclone.api.WriteCounts;
import org.redditclone.client.metrics.AckedWrites;
import org.redditclone.client.runfiles.RunColumns.Users;
import org.redditclone.client.runfiles.RunKeys.Run;

/**
 * The consistency check: per client and per item, what the engine holds of the writes the
 * client's users made during the run, against what those users were acknowledged. Writes by
 * anyone else (a person at the CLI, another run on the same engine) are the outside writes,
 * reported apart; they never fail the check.
 *
 * <p>A client lost mid-run is shown, not compared: what it was acknowledged is unknown. Any
 * reason (a client that reported it did not finish, a file without its counts) fails the check.
 * A check that cannot be made at all (a client left no report, every client was lost, the engine
 * did not answer) is {@value #NOT_CHECKED}, not a failure: nothing says the engine and the clients
 * disagree.
 */
final class Consistency {

  /** The compared items, named as {@code acked.<item>} and baseline.properties name them. */
  static final List<Users> ITEMS = Users.items();

  static final String PASS = "PASS";
  static final String FAIL = "FAIL";
  static final String NOT_CHECKED = "not checked";
  static final String LOST = NOT_CHECKED + " (lost)";

  /** The most users a failed client's line names. */
  static final int USERS_NAMED = 10;

  /**
   * What one client's check compares.
   *
   * @param id the client's id K
   * @param lost whether it was lost mid-run: its counts are shown, not compared
   * @param engine what the engine holds of the writes its users made during the run
   * @param acked what its users were acknowledged; ignored when lost
   * @param engineUsers per user, what the engine holds now; with {@code ackedUsers}, to name the
   *     users who differ; both empty when the users are not new to the engine
   * @param ackedUsers per user, what it was acknowledged (client-K.users.csv)
   */
  record ClientCounts(int id, boolean lost, WriteCounts engine, WriteCounts acked,
      List<WriteCounts> engineUsers, List<WriteCounts> ackedUsers) {

    ClientCounts {
      requireNonNull(engine, "engine");
      if (!lost) {
        requireNonNull(acked, "acked");
      }
      engineUsers = List.copyOf(engineUsers);
      ackedUsers = List.copyOf(ackedUsers);
    }

    /** Returns the counts of a client lost mid-run. */
    static ClientCounts lost(int id, WriteCounts engine) {
      return new ClientCounts(id, true, engine, null, List.of(), List.of());
    }

    boolean pass() {
      return lost || differences(engine, acked).isEmpty();
    }
  }

  /**
   * One item over the clients compared.
   *
   * @param item the item
   * @param engine what the engine holds of their users' writes of the run
   * @param clients what their users were acknowledged
   */
  record Item(Users item, long engine, long clients) {

    boolean pass() {
      return engine == clients;
    }

    /** Returns e.g. {@code FAIL engine=118 clients=120}. */
    String verdict() {
      return (pass() ? PASS : FAIL) + " engine=" + engine + " clients=" + clients;
    }
  }

  /**
   * The outcome of the check.
   *
   * @param items every item, summed over the clients compared
   * @param clients every client checked, lost ones included
   * @param outside the outside writes during the run, if the baseline told them
   * @param notes what the verdict leaves out
   * @param reasons why the check fails regardless of the counts, or why it was not made
   * @param checked whether any client's counts were compared
   */
  record Result(List<Item> items, List<ClientCounts> clients, Optional<WriteCounts> outside,
      List<String> notes, List<String> reasons, boolean checked) {

    Result {
      items = List.copyOf(items);
      clients = List.copyOf(clients);
      notes = List.copyOf(notes);
      reasons = List.copyOf(reasons);
    }

    boolean pass() {
      return checked && reasons.isEmpty() && clients.stream().allMatch(ClientCounts::pass);
    }

    /** Returns {@value #PASS}, {@value #FAIL} or {@value #NOT_CHECKED}. */
    String verdict() {
      return !checked ? NOT_CHECKED : pass() ? PASS : FAIL;
    }

    /** Returns the keys and values, in the order of {@link Run}'s consistency keys. */
    Map<String, String> entries() {
      Map<String, String> entries = new LinkedHashMap<>();
      for (Item item : items) {
        entries.put(Run.CONSISTENCY_ITEM.key(item.item().header()), item.verdict());
      }
      for (ClientCounts client : clients) {
        entries.put(Run.CONSISTENCY_CLIENT.key(client.id()), line(client));
      }
      outside.ifPresent(counts -> entries.put(Run.CONSISTENCY_OUTSIDE.key(), counts(counts)));
      entries.put(Run.CONSISTENCY.key(), verdict());
      if (!notes.isEmpty()) {
        entries.put(Run.CONSISTENCY_NOTE.key(), String.join("; ", notes));
      }
      List<String> why = new ArrayList<>(reasons);
      clients.stream().filter(client -> !client.pass()).forEach(client -> why.add("client "
          + client.id() + "'s users' writes of the run: " + differences(client.engine, client.acked)));
      if (!why.isEmpty()) {
        entries.put(Run.CONSISTENCY_REASON.key(), String.join("; ", why));
      }
      return entries;
    }

    /** Returns the entries as {@code key=value} lines: consistency.txt. */
    String text() {
      return entries().entrySet().stream()
          .map(entry -> entry.getKey() + "=" + entry.getValue() + "\n")
          .collect(Collectors.joining());
    }

    /** Returns the text for a person: the outside writes on a line that says what they are. */
    String summary() {
      return text().replace(Run.CONSISTENCY_OUTSIDE.key() + "=", "outside writes during the run: ");
    }
  }

  private Consistency() {}

  /**
   * Returns the check of {@code clients}; {@code reasons} fail it whatever the counts say, and it
   * is not checked when no client was compared (all were lost).
   */
  static Result compare(List<ClientCounts> clients, Optional<WriteCounts> outside,
      List<String> notes, List<String> reasons) {
    List<String> why = new ArrayList<>(reasons);
    List<ClientCounts> compared = clients.stream().filter(client -> !client.lost()).toList();
    if (compared.isEmpty()) {
      why.add("every client was lost during the run: no counts to compare");
    }
    List<Item> items = new ArrayList<>();
    for (Users item : ITEMS) {
      items.add(new Item(item,
          compared.stream().mapToLong(client -> AckedWrites.count(client.engine(), item)).sum(),
          compared.stream().mapToLong(client -> AckedWrites.count(client.acked(), item)).sum()));
    }
    return new Result(items, clients, outside, notes, why, !compared.isEmpty());
  }

  /** Returns the result of a check that could not be made, for the reasons given. */
  static Result notChecked(List<String> reasons) {
    return new Result(List.of(), List.of(), Optional.empty(), List.of(), reasons, false);
  }

  /** Returns {@code a - b}, item by item, named as {@code a}. */
  static WriteCounts minus(WriteCounts a, WriteCounts b) {
    return AckedWrites.of(a.username(), item -> AckedWrites.count(a, item) - AckedWrites.count(b, item));
  }

  /** Returns a client's line: its verdict, then its counts or where they differ. */
  static String line(ClientCounts client) {
    if (client.lost()) {
      return LOST + " " + counts(client.engine());
    }
    String differences = differences(client.engine(), client.acked());
    if (differences.isEmpty()) {
      return PASS + " " + counts(client.engine());
    }
    String line = FAIL + " " + differences;
    List<String> users = UserDifferences.of(client.engineUsers(), client.ackedUsers());
    if (!users.isEmpty()) {
      line += "; users " + String.join(", ", users.subList(0, Math.min(USERS_NAMED, users.size())))
          + (users.size() > USERS_NAMED ? " and " + (users.size() - USERS_NAMED) + " more" : "");
    }
    return line;
  }

  /** Returns e.g. {@code posts=3 comments=0 votes=1 messages=0 memberships=2 subreddits=1}. */
  static String counts(WriteCounts counts) {
    return ITEMS.stream().map(item -> item.header() + "=" + AckedWrites.count(counts, item))
        .collect(Collectors.joining(" "));
  }

  /**
   * Returns the items whose counts differ, e.g. {@code posts engine=119 acked=120, votes engine=3
   * acked=2}; empty when none does.
   */
  static String differences(WriteCounts engine, WriteCounts acked) {
    return ITEMS.stream()
        .filter(item -> AckedWrites.count(engine, item) != AckedWrites.count(acked, item))
        .map(item -> item.header() + " engine=" + AckedWrites.count(engine, item) + " acked="
            + AckedWrites.count(acked, item))
        .collect(Collectors.joining(", "));
  }
}
