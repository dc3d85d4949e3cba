package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Another host, for real: registry and engine in one Linux network namespace, two CLI JVMs in a
 * second, joined only by a veth pair with addresses of their own. Proves that clients on another
 * host work with {@code --bind-address}, and that nothing listens on any other address.
 *
 * <p>Needs root and {@code ip} (iproute2), as in CI; skipped otherwise. The namespaces and the
 * veth pair are removed after the test, pass or fail; deleting a namespace deletes its veth end.
 */
final class NetworkNamespaceIT {

  private final String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF));
  private final String engineNs = "rcsec-e-" + suffix;
  private final String clientNs = "rcsec-c-" + suffix;
  private final int subnet = ThreadLocalRandom.current().nextInt(1, 250);
  private final String engineAddress = "10.213." + subnet + ".1";
  private final String clientAddress = "10.213." + subnet + ".2";
  private final List<String> created = new ArrayList<>();
  private RealProcesses procs;

  @AfterEach
  void cleanUp() throws Exception {
    if (procs != null) {
      procs.close(); // stop.sh by pid file: pids are shared across network namespaces
    }
    for (String ns : created) {
      new ProcessBuilder("ip", "netns", "del", ns).inheritIO().start().waitFor();
    }
    new ProcessBuilder("ip", "link", "del", "rce" + suffix).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(); // only if the move failed
  }


  /** Makes the two "hosts": namespaces joined by a veth pair, each end with its own address. */
  private void twoHosts() throws Exception {
    assumeTrue(SecurityShell.canMakeNamespaces(), "needs root and iproute2 (ip) to make network namespaces");
    SecurityShell.ip("netns", "add", engineNs);
    created.add(engineNs);
    SecurityShell.ip("netns", "add", clientNs);
    created.add(clientNs);
    SecurityShell.ip("link", "add", "rce" + suffix, "type", "veth", "peer", "name", "rcc" + suffix);
    SecurityShell.ip("link", "set", "rce" + suffix, "netns", engineNs);
    SecurityShell.ip("link", "set", "rcc" + suffix, "netns", clientNs);
    SecurityShell.ip("-n", engineNs, "addr", "add", engineAddress + "/24", "dev", "rce" + suffix);
    SecurityShell.ip("-n", clientNs, "addr", "add", clientAddress + "/24", "dev", "rcc" + suffix);
    for (String ns : List.of(engineNs, clientNs)) {
      SecurityShell.ip("-n", ns, "link", "set", "lo", "up");
    }
    SecurityShell.ip("-n", engineNs, "link", "set", "rce" + suffix, "up");
    SecurityShell.ip("-n", clientNs, "link", "set", "rcc" + suffix, "up");
  }

  /** Starts a registry and an engine in the engine's namespace, bound to its veth address. */
  private String startEngine() throws Exception {
    procs = RealProcesses.create();
    String registry = engineAddress + ":" + procs.registryPort();
    SecurityShell.run(procs, null, List.of(), SecurityShell.script(engineNs, "start-registry.sh",
        "--port", String.valueOf(procs.registryPort()), "--bind-address", engineAddress)).assertOk();
    SecurityShell.run(procs, null, List.of(), SecurityShell.script(engineNs, "start-engine.sh",
        "--registry", registry, "--bind-address", engineAddress, "--password-cost", "1000",
        "--data-dir", procs.home().resolve("data").toString(), "--heap", "256m")).assertOk();
    return registry;
  }

  @Test
  void clientsInAnotherNamespace_reachAnEngineBoundToItsVethAddress() throws Exception {
    twoHosts();
    String registry = startEngine();

    // Nothing of ours listens on loopback or on every interface: only on the veth address.
    String listening = SecurityShell.run(procs, null, List.of(),
        List.of("ip", "netns", "exec", engineNs, "ss", "-ltnH")).assertOk().stdout();
    List<String> locals = listening.lines().map(l -> l.trim().split("\\s+")[3]).toList();
    assertTrue(locals.size() >= 2, listening);
    for (String local : locals) {
      assertTrue(local.contains(engineAddress), "listens beyond " + engineAddress + ": " + listening);
    }

    // Two client JVMs on the other "host", at the same time.
    CompletableFuture<RealProcesses.Result> alice = CompletableFuture.supplyAsync(() -> cli(registry,
        "register alice pw-a\nlogin alice pw-a\ncreate-sub netns \"across hosts\"\npost netns \"Hello from afar\" body\n"));
    CompletableFuture<RealProcesses.Result> bob = CompletableFuture.supplyAsync(() -> cli(registry,
        "register bob pw-b\nlogin bob pw-b\nwhoami\n"));
    List<String> aliceLines = alice.join().assertOk().lines();
    bob.join().assertOk();
    String postId = fields(aliceLines.get(aliceLines.size() - 1)).get("id");
    assertTrue(postId != null && postId.startsWith("p"), aliceLines.toString());
    List<String> votes = cli(registry, "login bob pw-b\njoin netns\nvote " + postId + " up\n").assertOk().lines();
    assertEquals("id=" + postId + " score=1 ups=1 downs=0 vote=up", votes.get(votes.size() - 1));
    Map<String, String> karma = fields(cli(registry, "karma alice\n").assertOk().lines().get(0));
    assertEquals("1", karma.get("post"));

    // And the client namespace really is another host: the engine's address is not its own.
    String clientAddrs = SecurityShell.run(procs, null, List.of(),
        List.of("ip", "-n", clientNs, "-o", "addr")).assertOk().stdout();
    assertTrue(clientAddrs.contains(clientAddress) && !clientAddrs.contains(engineAddress + "/"), clientAddrs);
    // nor can it reach the engine through a loopback address
    RealProcesses.Result viaLoopback = cli("127.0.0.1:" + procs.registryPort(), "karma alice\n");
    assertNotEquals(0, viaLoopback.exitCode());

    // From another host, bind, rebind and unbind are refused by the JDK itself, before our code,
    // and the owner's door by the registry; the registry's log names the other host either way.
    String vandal = SecurityShell.run(procs, null, List.of(), SecurityShell.java(clientNs, "-cp",
        RegistryOwnershipIT.vandalClassPath(), "org.redditclone.it.hostile.RegistryVandal", "refused", engineAddress,
        String.valueOf(procs.registryPort()))).assertOk().stdout();
    assertTrue(vandal.contains("SUMMARY tried=38 refused=38 unchanged=true door=true"), vandal);
    String log = Files.readString(procs.home().resolve("logs/registry.log"));
    assertTrue(log.contains("refused by the JDK: Registry.rebind disallowed; origin /" + clientAddress
        + " is non-local host"), log);
    assertTrue(log.contains("through the owner's door from " + clientAddress), log);
  }

  @Test
  void aClientOnAnotherHost_withOnlyTheCoordinatorAndTheRegistry_takesPartAndItsFilesArrive() throws Exception {
    twoHosts();
    String registry = startEngine();
    Path runs = procs.home().resolve("runs");
    String coordinator = engineAddress + ":" + RealProcesses.freePort();
    // The run's coordinator beside the engine, listening on that host's address only, expecting
    // its own client and one more.
    CompletableFuture<RealProcesses.Result> run = CompletableFuture.supplyAsync(() -> shell(SecurityShell.script(
        engineNs, "start-clients.sh", "--clients", "1", "--expect-clients", "2", "--run-id", "far", "--runs-dir",
        runs.toString(), "--registry", registry, "--bind-address", engineAddress, "--coordinator-port",
        coordinator.substring(coordinator.indexOf(':') + 1), "--users", "20", "--rate", "30", "--duration", "4s",
        "--heap", "96m")));
    // The other host's client: no run folder, no client id, no state; its files go to a
    // temporary folder of its own and up to the coordinator.
    Path tmp = Files.createDirectories(procs.home().resolve("far-host-tmp"));
    RealProcesses.Result far = shell(SecurityShell.java(clientNs, "-Xmx96m", "-Djava.io.tmpdir=" + tmp,
        "-Djava.security.properties=" + RealProcesses.ROOT.resolve("policy/serial-filters.security"),
        "-cp", CoordinatorIT.clientClassPath(), "org.redditclone.client.sim.SimClientMain",
        "--coordinator", coordinator, "--registry", registry, "--users", "20", "--rate", "30"));
    assertEquals(0, far.exitCode(), far.toString());
    RealProcesses.Result result = run.join();
    assertEquals(0, result.exitCode(), result.toString());

    Path folder = runs.resolve("far");
    for (String file : List.of("client-2.properties", "client-2.hlog", "client-2.csv", "client-2.online.csv",
        "client-2.setup.hlog", "client-2.errors.csv")) {
      assertTrue(Files.isRegularFile(folder.resolve(file)), file + " arrived: " + result.stdout());
    }
    assertEquals("finished", CoordinatorIT.load(folder.resolve("client-2.properties")).get("status"));
    assertTrue(CoordinatorIT.allCount(folder.resolve("client-2.csv")) > 0, far.stdout());
    assertEquals(List.of(), listed(tmp), "the far client's own folder is gone once its files are delivered");
    assertTrue(far.stdout().contains("client=2 run=far coordinator=" + coordinator), far.stdout());
    assertEquals("1,2", CoordinatorIT.load(folder.resolve("run.properties")).get("clients"));
    assertEquals(2, CoordinatorIT.timelineClients(folder.resolve("timeline.csv")).firstEntry().getValue(),
        "both clients measured from the window's first second");
    assertTrue(result.stdout().contains("consistency=PASS"), result.stdout());
  }

  private RealProcesses.Result shell(List<String> command) {
    try {
      return SecurityShell.run(procs, null, List.of(), command);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> listed(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.toList();
    }
  }

  private RealProcesses.Result cli(String registry, String stdin) {
    try {
      return SecurityShell.run(procs, stdin, List.of(), SecurityShell.script(clientNs, "cli.sh", "--registry", registry));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> map = new HashMap<>();
    for (String part : line.split(" ")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        map.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return map;
  }
}
