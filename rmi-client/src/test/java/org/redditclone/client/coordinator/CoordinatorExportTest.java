package org.redditclone.client.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.rmi.AccessException;
import java.rmi.ServerException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.Bindings;
import org.redditclone.api.ClientJoin;
import org.redditclone.api.ClientReport;
import org.redditclone.api.RunCoordinator;
import org.redditclone.client.connect.EngineLookup;
import org.redditclone.client.connect.RegistryAddress;
import org.redditclone.rmi.OwnRegistry;
import org.redditclone.rmi.RmiEndpoint;

/**
 * The coordinator as CoordinatorMain serves it, over real RMI on loopback: a client finds and
 * calls it; its registry is read-only; and what no call of the contract carries is refused by its
 * per-object filter before it is instantiated.
 */
final class CoordinatorExportTest {

  static final AtomicInteger READ = new AtomicInteger();

  @TempDir Path runDir;

  /** A class no call of the contract has reason to carry; it counts every instance read. */
  static final class Gadget implements Serializable {
    private static final long serialVersionUID = 1L;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      READ.incrementAndGet();
      in.defaultReadObject();
    }
  }

  @Test
  void aClientFindsAndCallsTheCoordinator_itsRegistryIsReadOnly_andAGadgetIsRefusedUnread() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Coordinator run = new Coordinator(CoordinatorOptions.parse("--run-dir", runDir.toString(), "--registry",
        "127.0.0.1:1"), new RunFolder(runDir), System::currentTimeMillis);
    RegistryAddress address = new RegistryAddress("127.0.0.1", port);
    try (OwnRegistry served = CoordinatorMain.export(run, RmiEndpoint.on(InetAddress.getLoopbackAddress(), false), port)) {
      RunCoordinator stub = EngineLookup.coordinator(address);
      assertEquals(1, stub.join(new ClientJoin(0, "h", 3)).clientId());

      Registry registry = LocateRegistry.getRegistry("127.0.0.1", port);
      assertEquals(List.of(Bindings.COORDINATOR), List.of(registry.list()));
      ServerException thrown = assertThrows(ServerException.class, () -> registry.rebind(Bindings.COORDINATOR, stub));
      AccessException refused = (AccessException) thrown.getCause(); // RMI wraps what the registry throws
      assertTrue(refused.getMessage().contains("only the coordinator that owns it binds names"), refused.getMessage());

      Method report = RunCoordinator.class.getMethod("report", ClientReport.class);
      for (Object hostile : List.of(new Gadget(), List.of(new Gadget()), new java.util.HashSet<>(List.of(1)))) {
        Throwable e = assertThrows(Throwable.class,
            () -> Proxy.getInvocationHandler(stub).invoke(stub, report, new Object[] {hostile}));
        assertTrue(chain(e).contains("REJECTED"), "refused by the filter: " + chain(e));
      }
      assertEquals(0, READ.get(), "no gadget was read");
      assertEquals(2, stub.join(new ClientJoin(0, "h", 3)).clientId(), "and it serves on");
    }
  }

  private static String chain(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append(" <- ");
    }
    return text.toString();
  }
}
