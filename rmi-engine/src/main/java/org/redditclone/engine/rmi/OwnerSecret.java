package org.redditclone.engine.rmi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that makes the engine the owner of the registry of scripts/start-registry.sh: 256
 * random bits the registry writes, as hex, to a file only their user can read (mode 0600, in the
 * state folder), and that the engine proves it read by an HMAC-SHA256 over the registry's
 * challenge ({@link RegistryOwner}). A local user of another account can neither read the file
 * nor compute a proof without it; the registry makes a new one each time it starts.
 */
final class OwnerSecret {

  /** How long a challenge stays good. */
  static final Duration CHALLENGE_LIFETIME = Duration.ofSeconds(30);
  static final int CHALLENGE_BYTES = 32;

  private static final int SECRET_BYTES = 32;
  private static final String MAC = "HmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final byte[] key;

  private OwnerSecret(byte[] key) {
    this.key = key;
  }

  /**
   * Returns a new secret, written to {@code file} with mode 0600 (created so, never widened),
   * replacing an older file.
   *
   * @throws IOException if the file cannot be written
   */
  static OwnerSecret create(Path file) throws IOException {
    byte[] key = randomBytes(SECRET_BYTES);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    Files.deleteIfExists(temp);
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
    if (posix) {
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      Files.createFile(temp);
    }
    Files.writeString(temp, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return new OwnerSecret(key);
  }

  /**
   * Returns the secret of {@code file}.
   *
   * @throws IOException if it cannot be read, is a link, belongs to another user, is readable or
   *     writable by anyone but its owner, or does not hold a secret
   */
  static OwnerSecret read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("registry secret " + file + " does not exist; the registry of start-registry.sh "
          + "writes it when it starts, in its state folder");
    }
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isSymbolicLink() || !attributes.isRegularFile()) {
        throw new IOException("registry secret " + file + " is not a regular file; it must be the file "
            + "start-registry.sh's registry wrote");
      }
      String me = System.getProperty("user.name");
      if (!attributes.owner().getName().equals(me)) {
        throw new IOException("registry secret " + file + " belongs to " + attributes.owner().getName()
            + ", not to " + me + "; it must be written by a registry of this user");
      }
      if (!OWNER_ONLY.containsAll(attributes.permissions())) {
        throw new IOException("registry secret " + file + " has mode "
            + PosixFilePermissions.toString(attributes.permissions()) + "; it must be rw------- (0600)");
      }
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    try {
      byte[] key = HexFormat.of().parseHex(text);
      if (key.length == SECRET_BYTES) {
        return new OwnerSecret(key);
      }
    } catch (IllegalArgumentException e) {
      // fall through to the message below
    }
    throw new IOException("registry secret " + file + " does not hold " + SECRET_BYTES * 2 + " hex digits");
  }

  /** Deletes {@code file} if it still holds this secret (a newer registry may have replaced it). */
  void deleteIfMine(Path file) throws IOException {
    try {
      if (Files.exists(file) && MessageDigest.isEqual(
          HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip()), key)) {
        Files.delete(file);
      }
    } catch (IllegalArgumentException e) {
      // not a secret of ours: leave it
    }
  }

  /** Returns {@code n} random bytes. */
  static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** Returns the HMAC-SHA256 of {@code challenge}, {@code operation} and {@code name}, each length-prefixed. */
  byte[] proof(byte[] challenge, String operation, String name) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(new SecretKeySpec(key, MAC));
      for (byte[] part : new byte[][] {challenge, utf8(operation), utf8(name)}) {
        mac.update(new byte[] {(byte) (part.length >>> 24), (byte) (part.length >>> 16), (byte) (part.length >>> 8),
            (byte) part.length});
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(MAC + " is part of every JDK", e);
    }
  }

  /** Returns whether {@code proof} is this secret's proof of the rest, compared in constant time. */
  boolean verifies(byte[] proof, byte[] challenge, String operation, String name) {
    return proof != null && MessageDigest.isEqual(proof, proof(challenge, operation, name));
  }

  private static byte[] utf8(String s) {
    return Objects.requireNonNull(s).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "OwnerSecret[hidden]";
  }
}
