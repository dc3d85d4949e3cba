package org.redditclone.client.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.rmi.NoSuchObjectException;
import java.rmi.Remote;
import java.rmi.server.UnicastRemoteObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Bindings;
import org.redditclone.api.StatsService;
import org.redditclone.api.UserService;

/** What a client accepts from the registry: the engine's seven services at one endpoint, or one clear line. */
final class EngineStubCheckTest {

  private final List<Remote> exported = new ArrayList<>();

  @AfterEach
  void unexport() throws NoSuchObjectException {
    for (Remote remote : exported) {
      UnicastRemoteObject.unexportObject(remote, true);
    }
  }

  @Test
  void theEngineSevenServicesAtOneEndpoint_pass() throws Exception {
    Map<String, Object> engine = engine(0);
    Map<String, Object> checked = EngineStubCheck.verify(engine);
    assertEquals(engine.keySet(), checked.keySet());
    assertSame(engine.get(Bindings.USERS), checked.get(Bindings.USERS));
  }

  @Test
  void anotherServiceUnderAName_isNamedWithWhatAndWhere() throws Exception {
    Map<String, Object> entries = engine(0);
    Object stats = entries.get(Bindings.STATS);
    entries.put(Bindings.USERS, stats); // what the attacker bound
    AlteredRegistryException e = assertThrows(AlteredRegistryException.class, () -> EngineStubCheck.verify(entries));
    assertEquals("registry entry redditclone/users is not the engine's UserService (found a StatsService at "
        + EngineStubCheck.endpoint(stats) + "); the registry may have been altered", e.getMessage());
    assertTrue(EngineStubCheck.endpoint(stats).matches("[^:]+:\\d+"), EngineStubCheck.endpoint(stats));
  }

  @Test
  void theRightInterfaceAtAnotherEndpoint_isRefused() throws Exception {
    Map<String, Object> entries = engine(0);
    int port = freePort();
    Object stranger = export(UserService.class, port, null); // a process of its own, collecting passwords
    entries.put(Bindings.USERS, stranger);
    AlteredRegistryException e = assertThrows(AlteredRegistryException.class, () -> EngineStubCheck.verify(entries));
    assertEquals("registry entry redditclone/users is not the engine's UserService (found a UserService at "
        + EngineStubCheck.endpoint(stranger) + ", while the other services are at "
        + EngineStubCheck.endpoint(entries.get(Bindings.STATS)) + "); the registry may have been altered",
        e.getMessage());
    assertTrue(EngineStubCheck.endpoint(stranger).endsWith(":" + port), EngineStubCheck.endpoint(stranger));
  }

  @Test
  void somethingThatIsNoStub_andNothing_areRefused() throws Exception {
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put(Bindings.FEED, "a string");
    AlteredRegistryException e = assertThrows(AlteredRegistryException.class, () -> EngineStubCheck.verify(entries));
    assertEquals("registry entry redditclone/feed is not the engine's FeedService (found a String (not an RMI "
        + "stub)); the registry may have been altered", e.getMessage());
    entries.put(Bindings.FEED, null);
    e = assertThrows(AlteredRegistryException.class, () -> EngineStubCheck.verify(entries));
    assertTrue(e.getMessage().contains("(found nothing)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EngineStubCheck.verify(Map.of("redditclone/evil", "x")));
  }

  @Test
  void theEndpointOfATlsStub_isReadPastItsFactory() throws Exception {
    int port = freePort();
    Object tls = export(StatsService.class, port, new SslRMIClientSocketFactory());
    assertTrue(EngineStubCheck.endpoint(tls).endsWith(":" + port), EngineStubCheck.endpoint(tls));
    assertNull(EngineStubCheck.endpoint("not a stub"));
  }

  /** Returns the seven services of one fake engine, exported on {@code port} (0: any, shared). */
  private Map<String, Object> engine(int port) throws Exception {
    Map<String, Object> entries = new LinkedHashMap<>();
    for (Map.Entry<String, Class<? extends Remote>> e : EngineStubCheck.EXPECTED.entrySet()) {
      entries.put(e.getKey(), export(e.getValue(), port, null));
    }
    return entries;
  }

  /** Exports an object implementing {@code type} whose every method fails, and returns its stub. */
  private Remote export(Class<? extends Remote> type, int port, SslRMIClientSocketFactory csf) throws Exception {
    Remote impl = (Remote) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> switch (method.getName()) {
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      case "toString" -> type.getSimpleName() + " of the test";
      default -> throw new UnsupportedOperationException(method.getName());
    });
    exported.add(impl);
    return csf == null ? UnicastRemoteObject.exportObject(impl, port)
        : UnicastRemoteObject.exportObject(impl, port, csf, null);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
