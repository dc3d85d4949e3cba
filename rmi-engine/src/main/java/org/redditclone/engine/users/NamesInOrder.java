package org.redditclone.engine.users;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Limits;
import org.redditclone.api.Page;
import org.redditclone.api.WriteCounts;
import org.redditclone.engine.names.Named;

/**
 * The registered users in the order of their names in lower case, so that the users whose names
 * share a prefix are one range: a page of them costs a lookup and its length. Thread-safe (a
 * concurrent skip list).
 */
final class NamesInOrder {

  private final NavigableMap<String, User> byKey = new ConcurrentSkipListMap<>();

  /** Adds {@code user}. */
  void add(User user) {
    byKey.put(Named.key(user.name()), user);
  }

  /**
   * Returns a page of the counts of the writes of the users whose names start with {@code prefix},
   * ignoring case; the next page's cursor is the last name of this one, in lower case.
   *
   * @throws InvalidInputException if the prefix or the cursor is no start of a name, the cursor is
   *     not within the prefix, or the limit is out of range
   */
  Page<WriteCounts> writeCounts(String prefix, String cursor, int limit) throws InvalidInputException {
    String from = Named.key(Limits.usernamePrefix("prefix", prefix));
    Limits.pageLimit(limit);
    // Names hold only ASCII, so every name that starts with the prefix sorts below this bound.
    NavigableMap<String, User> range = byKey.subMap(from, true, from + Character.MAX_VALUE, false);
    if (cursor != null) {
      String after = Named.key(Limits.usernamePrefix("cursor", cursor));
      if (!after.startsWith(from)) {
        throw new InvalidInputException("cursor", cursor, "is no cursor of the names that start with '"
            + prefix + "'; pass the nextCursor of the page before, or none for the first page");
      }
      range = range.tailMap(after, false);
    }
    Iterator<User> it = range.values().iterator();
    List<WriteCounts> items = new ArrayList<>(limit);
    User last = null;
    while (items.size() < limit && it.hasNext()) {
      last = it.next();
      items.add(last.writeCounts());
    }
    return new Page<>(List.copyOf(items), it.hasNext() ? Named.key(last.name()) : null);
  }
}
