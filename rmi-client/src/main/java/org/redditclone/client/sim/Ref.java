package org.redditclone.client.sim;

/**
 * A post, comment or message id packed in one long with the client id of its author (0 when the
 * author is no simulated user), so that a user's memory of what it saw costs 8 bytes an item.
 */
final class Ref {

  private static final int CLIENT_BITS = 14; // client ids are 1..9999
  private static final long CLIENT_MASK = (1L << CLIENT_BITS) - 1;

  private Ref() {}

  static long of(long id, String author) {
    return of(id, SimNames.clientOf(author));
  }

  static long of(long id, int authorClient) {
    if (id <= 0 || id >>> (63 - CLIENT_BITS) != 0) {
      throw new IllegalArgumentException("id " + id + " is out of range for a packed reference");
    }
    return id << CLIENT_BITS | (authorClient & CLIENT_MASK);
  }

  static long id(long ref) {
    return ref >>> CLIENT_BITS;
  }

  static int client(long ref) {
    return (int) (ref & CLIENT_MASK);
  }
}
