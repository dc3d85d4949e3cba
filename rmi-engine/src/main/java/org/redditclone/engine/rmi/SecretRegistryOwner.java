package org.redditclone.engine.rmi;

import java.rmi.AccessException;
import java.rmi.NotBoundException;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.rmi.server.RemoteServer;
import java.rmi.server.ServerNotActiveException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.redditclone.rmi.ReadOnlyRegistry;

/**
 * The registry side of {@link RegistryOwner}: hands out challenges and changes the bindings of a
 * {@link ReadOnlyRegistry} for a caller whose proof shows it read the secret file. Every refusal
 * is logged with the caller's address.
 */
final class SecretRegistryOwner implements RegistryOwner {

  private static final Logger log = LoggerFactory.getLogger(SecretRegistryOwner.class);
  /** Open challenges kept at most; the oldest goes first, so a flood of challenges costs nothing. */
  private static final int MAX_OPEN_CHALLENGES = 64;

  private final ReadOnlyRegistry registry;
  private final OwnerSecret secret;
  /** Open challenges (hex) and when each expires (System.nanoTime); guarded by itself. */
  private final Map<String, Long> open = new LinkedHashMap<>();

  SecretRegistryOwner(ReadOnlyRegistry registry, OwnerSecret secret) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  @Override
  public byte[] challenge() {
    byte[] challenge = OwnerSecret.randomBytes(OwnerSecret.CHALLENGE_BYTES);
    synchronized (open) {
      if (open.size() >= MAX_OPEN_CHALLENGES) {
        Iterator<String> oldest = open.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
      open.put(HexFormat.of().formatHex(challenge), System.nanoTime() + OwnerSecret.CHALLENGE_LIFETIME.toNanos());
    }
    return challenge;
  }

  @Override
  public void rebind(String name, Remote stub, byte[] challenge, byte[] proof) throws RemoteException {
    authorize("rebind", name, challenge, proof);
    if (stub == null) {
      throw new AccessException("rebind of " + ReadOnlyRegistry.quote(name) + " refused: the stub is null");
    }
    registry.put(name, stub);
    log.info("the owner bound {} from {}", ReadOnlyRegistry.quote(name), caller());
  }

  @Override
  public void unbind(String name, byte[] challenge, byte[] proof) throws RemoteException, NotBoundException {
    authorize("unbind", name, challenge, proof);
    registry.remove(name);
    log.info("the owner unbound {} from {}", ReadOnlyRegistry.quote(name), caller());
  }

  /** Consumes {@code challenge} and checks {@code proof}; a refusal is logged and thrown. */
  private void authorize(String operation, String name, byte[] challenge, byte[] proof) throws AccessException {
    String reason = null;
    if (name == null || challenge == null || proof == null) {
      reason = "name, challenge and proof are required";
    } else if (RegistryOwner.NAME.equals(name)) {
      reason = "the name is the registry's own entry";
    } else {
      Long expires;
      synchronized (open) {
        expires = open.remove(HexFormat.of().formatHex(challenge));
      }
      if (expires == null || System.nanoTime() - expires > 0) {
        reason = "the challenge is unknown, used or expired";
      } else if (!secret.verifies(proof, challenge, operation, name)) {
        reason = "the proof does not match this registry's secret";
      }
    }
    if (reason != null) {
      String quoted = ReadOnlyRegistry.quote(name);
      log.warn("refused {} of {} through the owner's door from {}: {}", operation, quoted, caller(), reason);
      throw new AccessException(operation + " of " + quoted + " refused: " + reason
          + "; only the engine that reads this registry's secret file binds names");
    }
  }

  private static String caller() {
    try {
      return RemoteServer.getClientHost();
    } catch (ServerNotActiveException e) {
      return "this JVM";
    }
  }
}
