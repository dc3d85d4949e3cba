package org.redditclone.engine.users;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash with its cost, so hashes made under an older cost
 * still verify after the cost is raised.
 */
final class PasswordHash {

  static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  private PasswordHash(int iterations, byte[] salt, byte[] hash) {
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  /** Returns a fresh hash of {@code password} with a new random salt. */
  static PasswordHash create(String password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return new PasswordHash(iterations, salt, derive(password, salt, iterations));
  }

  /** Returns the hash recorded in an event (salt and hash in base64). */
  static PasswordHash decode(int iterations, String salt, String hash) {
    Base64.Decoder decoder = Base64.getDecoder();
    return new PasswordHash(iterations, decoder.decode(salt), decoder.decode(hash));
  }

  /** Returns whether {@code password} hashes to this hash, in time independent of where they differ. */
  boolean matches(String password) {
    return MessageDigest.isEqual(hash, derive(password, salt, iterations));
  }

  int iterations() {
    return iterations;
  }

  String saltBase64() {
    return Base64.getEncoder().encodeToString(salt);
  }

  String hashBase64() {
    return Base64.getEncoder().encodeToString(hash);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    Objects.requireNonNull(password, "password");
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      // Every Java 17 runtime ships this algorithm; its absence is a broken JDK, not bad input.
      throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
