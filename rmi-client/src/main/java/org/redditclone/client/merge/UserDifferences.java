package org.redditclone.client.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redditclone.api.WriteCounts;

/** The users of one client whose counts differ between the engine and what they were acknowledged. */
final class UserDifferences {

  private static final WriteCounts NONE = new WriteCounts("", 0, 0, 0, 0, 0, 0);

  private UserDifferences() {}

  /**
   * Returns each user whose counts differ, e.g. {@code u2_k3x9_17 (posts engine=0 acked=1)}: the
   * engine's users in its order, then those only acknowledged; a user absent from a side counts 0
   * there.
   */
  static List<String> of(List<WriteCounts> engine, List<WriteCounts> acked) {
    Map<String, WriteCounts[]> byName = new LinkedHashMap<>();
    engine.forEach(row -> byName.computeIfAbsent(key(row), k -> new WriteCounts[] {row, NONE}));
    acked.forEach(row -> byName.computeIfAbsent(key(row), k -> new WriteCounts[] {NONE, NONE})[1] = row);
    List<String> differing = new ArrayList<>();
    byName.values().forEach(pair -> {
      String differences = Consistency.differences(pair[0], pair[1]);
      if (!differences.isEmpty()) {
        differing.add((pair[0] == NONE ? pair[1] : pair[0]).username() + " (" + differences + ")");
      }
    });
    return differing;
  }

  private static String key(WriteCounts row) {
    return row.username().toLowerCase(Locale.ROOT);
  }
}
