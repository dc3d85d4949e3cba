package org.redditclone.engine.rmi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.rmi.AccessException;
import java.rmi.NoSuchObjectException;
import java.rmi.Remote;
import java.rmi.ServerException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.Bindings;
import org.redditclone.api.EngineStats;
import org.redditclone.api.StatsService;
import org.redditclone.rmi.ReadOnlyRegistry;
import org.redditclone.rmi.RmiEndpoint;
import org.redditclone.rmi.SerialFilters;

/**
 * The registry of start-registry.sh, in one JVM: read-only to every caller through the
 * {@link Registry} interface, whether over RMI or in this JVM; changed only through the owner's
 * door with a proof of the secret file, a proof that is good once.
 */
final class ReadOnlyRegistryTest {

  @TempDir
  Path dir;

  private ReadOnlyRegistry registry;
  private SecretRegistryOwner owner;
  private Path secretFile;
  private Registry remote;
  private StatsService stats;
  private Remote statsStub;

  @BeforeEach
  void start() throws Exception {
    int port = freePort();
    RmiEndpoint endpoint = RmiEndpoint.on(InetAddress.getLoopbackAddress(), false);
    registry = endpoint.readOnlyRegistry(port, "engine");
    secretFile = dir.resolve("registry.secret");
    owner = new SecretRegistryOwner(registry, OwnerSecret.create(secretFile));
    registry.serveUnlisted(RegistryOwner.NAME, endpoint.export(owner, port,
        ObjectInputFilter.Config.createFilter(SerialFilters.REGISTRY_PATTERN)));
    remote = LocateRegistry.getRegistry("127.0.0.1", port);
    stats = new StatsService() {
      @Override
      public EngineStats stats() {
        return new EngineStats(1, 2, 3, 4, 5, 6, 7, 8, 9, java.util.Map.of(), 0, 0, 0);
      }

      @Override
      public org.redditclone.api.Page<org.redditclone.api.WriteCounts> writeCounts(
          String prefix, String cursor, int limit) {
        return new org.redditclone.api.Page<>(java.util.List.of(), null);
      }

      @Override
      public void ping() {}
    };
    statsStub = UnicastRemoteObject.exportObject(stats, 0);
  }

  @AfterEach
  void stop() throws NoSuchObjectException {
    UnicastRemoteObject.unexportObject(stats, true);
    UnicastRemoteObject.unexportObject(owner, true);
    UnicastRemoteObject.unexportObject(registry, true);
  }

  @Test
  void theOwnerWithTheSecret_bindsAndUnbinds() throws Exception {
    RegistryBinder binder = RegistryBinder.owner(remote, secretFile, "test");
    binder.rebind(Bindings.STATS, statsStub);
    assertEquals(statsStub, remote.lookup(Bindings.STATS));
    assertEquals(List.of(Bindings.STATS), Arrays.asList(remote.list()), "the owner's door is not listed");
    assertInstanceOf(RegistryOwner.class, remote.lookup(RegistryOwner.NAME));
    binder.unbind(Bindings.STATS);
    assertEquals(0, remote.list().length);
  }

  @Test
  void everyCallerOfTheRegistryInterface_isRefused_overRmiAndInThisJvm() throws Exception {
    registry.put(Bindings.STATS, statsStub);
    for (Registry r : List.of(remote, registry)) {
      for (Executable change : List.<Executable>of(
          () -> r.bind("hostile", statsStub),
          () -> r.rebind(Bindings.USERS, statsStub),
          () -> r.rebind(Bindings.STATS, statsStub),
          () -> r.unbind(Bindings.STATS),
          () -> r.bind(RegistryOwner.NAME, statsStub))) {
        Exception e = assertThrows(Exception.class, change);
        AccessException refused = (AccessException) (e instanceof ServerException ? e.getCause() : e);
        assertTrue(refused.getMessage().startsWith("registry is read-only"), refused.getMessage());
      }
    }
    assertEquals(List.of(Bindings.STATS), Arrays.asList(remote.list()));
    assertEquals(statsStub, remote.lookup(Bindings.STATS));
  }

  @Test
  void aWrongSecret_aReplayedChallengeAndAMadeUpOne_areRefused() throws Exception {
    Path other = dir.resolve("other.secret");
    OwnerSecret.create(other);
    AccessException wrong = assertThrows(AccessException.class,
        () -> RegistryBinder.owner(remote, other, "test").rebind(Bindings.USERS, statsStub));
    assertTrue(wrong.getMessage().contains("the proof does not match"), wrong.getMessage());

    RegistryOwner door = (RegistryOwner) remote.lookup(RegistryOwner.NAME);
    OwnerSecret secret = OwnerSecret.read(secretFile);
    byte[] challenge = door.challenge();
    byte[] proof = secret.proof(challenge, "rebind", Bindings.STATS);
    door.rebind(Bindings.STATS, statsStub, challenge, proof);
    assertRefused("used", () -> door.rebind(Bindings.USERS, statsStub, challenge, proof));
    byte[] madeUp = OwnerSecret.randomBytes(OwnerSecret.CHALLENGE_BYTES);
    assertRefused("unknown", () -> door.unbind(Bindings.STATS, madeUp, secret.proof(madeUp, "unbind", Bindings.STATS)));
    byte[] fresh = door.challenge();
    assertRefused("proof does not match", // a proof for another name
        () -> door.unbind(Bindings.STATS, fresh, secret.proof(fresh, "unbind", Bindings.USERS)));
    assertArrayEquals(new String[] {Bindings.STATS}, remote.list());
  }

  @Test
  void theSecretFile_isOwnerOnly_andAWiderOneIsRefused() throws Exception {
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));
    Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-r--r--"));
    IOException wide = assertThrows(IOException.class, () -> OwnerSecret.read(secretFile));
    assertTrue(wide.getMessage().contains("must be rw------- (0600)"), wide.getMessage());

    Path link = Files.createSymbolicLink(dir.resolve("link.secret"), secretFile);
    Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
    IOException linked = assertThrows(IOException.class, () -> OwnerSecret.read(link));
    assertTrue(linked.getMessage().contains("not a regular file"), linked.getMessage());

    Files.writeString(secretFile, "not hex\n");
    assertThrows(IOException.class, () -> OwnerSecret.read(secretFile));
  }

  @Test
  void aRegistryThatIsNotStartRegistrysSh_isNamedAsSuch() throws Exception {
    int port = freePort();
    Registry plain = LocateRegistry.createRegistry(port); // what the JDK's rmiregistry tool runs
    try {
      Registry stub = LocateRegistry.getRegistry("127.0.0.1", port);
      AccessException e = assertThrows(AccessException.class,
          () -> RegistryBinder.owner(stub, secretFile, "127.0.0.1:x").rebind(Bindings.STATS, statsStub));
      assertTrue(e.getMessage().contains("was not started by start-registry.sh"), e.getMessage());
      assertFalse(Arrays.asList(stub.list()).contains(Bindings.STATS));
    } finally {
      UnicastRemoteObject.unexportObject(plain, true);
    }
  }

  private static void assertRefused(String reason, Executable call) {
    ServerException e = assertThrows(ServerException.class, call);
    AccessException refused = assertInstanceOf(AccessException.class, e.getCause());
    assertTrue(refused.getMessage().contains(reason), refused.getMessage());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
