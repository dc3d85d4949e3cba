package org.redditclone.engine.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Live sessions, keyed by the SHA-256 of their token so that a heap dump or a journal never holds
 * a usable token. Idle time is tracked in memory only.
 */
final class Sessions {

  static final int TOKEN_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Entry> byTokenHash = new ConcurrentHashMap<>();
  private final long idleTimeoutMillis;

  Sessions(long idleTimeoutMillis) {
    this.idleTimeoutMillis = idleTimeoutMillis;
  }

  /** Returns a new token: 256 random bits, base64url without padding. */
  static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Returns the SHA-256 of a token, base64url without padding: the key a session is stored under. */
  static String hash(String token) {
    byte[] digest = SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  /**
   * One digest per thread: every authenticated call hashes its token, and getInstance looks the
   * provider up each time (a profile showed it beside the digest itself). digest() resets it.
   */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  });

  void put(String tokenHash, User user, long now) {
    byTokenHash.put(tokenHash, new Entry(user, now));
  }

  /**
   * Removes a session and returns its user, or null if there was none. {@code first} is given the
   * user before the session goes, atomically with its removal; if it throws, the session stays.
   */
  User remove(String tokenHash, Consumer<User> first) {
    User[] removed = {null};
    byTokenHash.computeIfPresent(tokenHash, (hash, entry) -> {
      first.accept(entry.user);
      removed[0] = entry.user;
      return null;
    });
    return removed[0];
  }

  /** Returns the live entry for a token hash, or null; an idle-expired entry counts as absent. */
  Entry find(String tokenHash, long now) {
    Entry entry = byTokenHash.get(tokenHash);
    return entry == null || expired(entry, now) ? null : entry;
  }

  boolean expired(Entry entry, long now) {
    return now - entry.lastUsedMillis > idleTimeoutMillis;
  }

  /** Returns the token hashes of sessions idle for longer than the timeout. */
  List<String> expiredHashes(long now) {
    List<String> expired = new ArrayList<>();
    byTokenHash.forEach((hash, entry) -> {
      if (expired(entry, now)) {
        expired.add(hash);
      }
    });
    return expired;
  }

  long idleTimeoutMillis() {
    return idleTimeoutMillis;
  }

  int size() {
    return byTokenHash.size();
  }

  /** A session: its user and when it was last used. */
  static final class Entry {
    final User user;
    volatile long lastUsedMillis;

    Entry(User user, long lastUsedMillis) {
      this.user = user;
      this.lastUsedMillis = lastUsedMillis;
    }
  }
}
