package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Only the engine binds its names. A process of another user on the engine's host
 * ({@link org.redditclone.it.hostile.RegistryVandal}, a JVM of its own) tries bind, rebind and
 * unbind on every name against the registry of start-registry.sh and the engine's embedded one,
 * and is refused, each refusal logged with its address. Where a registry lets it (the JDK's
 * {@code rmiregistry}, {@code --jdk-rmiregistry}), a foreign stub is refused by the CLI and the
 * simulator with one clear line, and the engine binds its own again within its check interval.
 */
final class RegistryOwnershipIT {

  private static final Path TEST_CLASSES = RealProcesses.ROOT.resolve("integration-tests/target/test-classes");
  private static final String VANDAL = "org.redditclone.it.hostile.RegistryVandal";
  /** The engine's registry watch period (RmiServer.WATCH_PERIOD). */
  private static final long WATCH_PERIOD_MILLIS = 2_000;

  private RealProcesses procs;
  private final List<Process> background = new ArrayList<>();
  private final List<String> namespaces = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    procs = RealProcesses.create();
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (Process p : background) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    procs.close();
    for (String ns : namespaces) {
      new ProcessBuilder("ip", "netns", "del", ns).inheritIO().start().waitFor();
    }
  }

  @Test
  void startRegistrysRegistry_refusesEveryProcessButItsEngine_andLogsEachRefusal() throws Exception {
    procs.script("start-registry.sh", "--port", String.valueOf(procs.registryPort())).assertOk();
    Path secret = procs.home().resolve("state/registry.secret");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
    startEngine(null, "127.0.0.1");

    String out = vandal(null, "refused", "127.0.0.1").assertOk().stdout();
    assertTrue(out.contains("SUMMARY tried=38 refused=38 unchanged=true door=true"), out);
    String log = log("registry.log");
    for (String op : List.of("bind", "rebind", "unbind")) {
      assertTrue(log.contains("refused " + op + " of 'redditclone/users' from 127.0.0.1"), log);
      assertTrue(log.contains("refused " + op + " of 'redditclone/extra' from 127.0.0.1"), log);
    }
    assertTrue(log.contains("refused rebind of 'redditclone/stats' through the owner's door from 127.0.0.1: "
        + "the proof does not match this registry's secret"), log);
    assertCliWorks(null, procs.registry());

    procs.script("stop.sh").assertOk();
    assertFalse(Files.exists(secret), "the registry deletes its secret when it stops");
  }

  @Test
  void theEmbeddedRegistry_refusesEveryOtherProcess_andLogsEachRefusal() throws Exception {
    startEngine(null, "127.0.0.1", "--embedded-registry");
    String out = vandal(null, "refused", "127.0.0.1").assertOk().stdout();
    assertTrue(out.contains("SUMMARY tried=24 refused=24 unchanged=true door=false"), out);
    String log = log("engine.log");
    for (String op : List.of("bind", "rebind", "unbind")) {
      assertTrue(log.contains("refused " + op + " of 'redditclone/messages' from 127.0.0.1"), log);
    }
    assertCliWorks(null, procs.registry());
  }

  @Test
  void aForeignStubInTheJdkRmiregistry_isRefusedByTheClients_andTheEngineBindsItsOwnAgain() throws Exception {
    assumeTrue(SecurityShell.canMakeNamespaces(), "needs root and iproute2 (ip): the JDK's rmiregistry listens on "
        + "every interface, so it runs in a network namespace of its own");
    String ns = "rcown-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF));
    String address = "10.215." + ThreadLocalRandom.current().nextInt(1, 250) + ".1";
    namespaces.add(ns);
    SecurityShell.isolatedNamespace(ns, address);
    String registry = address + ":" + procs.registryPort();
    SecurityShell.run(procs, null, List.of(), SecurityShell.script(ns, "start-registry.sh", "--jdk-rmiregistry",
        "--bind-address", address, "--port", String.valueOf(procs.registryPort()))).assertOk();
    startEngine(ns, address);
    assertCliWorks(ns, registry);

    // The engine dies (SIGKILL) and leaves its bindings behind, so its watch cannot undo the
    // vandal while the clients look; a stopped but living engine would hang them instead, as
    // unmarshalling a stub makes a distributed-GC call to the engine.
    signalEngine("KILL");
    String replaced = vandal(ns, "replace", address, "stats").assertOk().stdout();
    Matcher stub = Pattern.compile("endpoint:\\[([^\\],]+)").matcher(replaced); // the JDK's RemoteRef.toString
    assertTrue(stub.find(), replaced);
    String engineAt = stub.group(1);
    String expected = "registry entry redditclone/users is not the engine's UserService (found a StatsService at "
        + engineAt + "); the registry may have been altered";
    RealProcesses.Result cli = command(ns, registry, "register", "eve", "pw");
    assertEquals(3, cli.exitCode(), cli.toString());
    assertEquals("error: engine not verified at " + registry + ": " + expected, cli.stderr().strip());
    RealProcesses.Result sim = simulator(ns, registry);
    assertEquals(1, sim.exitCode(), sim.toString());
    assertTrue(sim.stderr().contains("sim-client 1: the engine at " + registry + " is not verified: " + expected),
        sim.stderr());
    assertFalse(sim.stderr().contains("\tat "), "no stack trace: " + sim.stderr());

    Path collected = procs.home().resolve("collected-calls.txt");
    Path collectorOut = procs.home().resolve("collector.out");
    Process collector = new ProcessBuilder(SecurityShell.java(ns, "-cp", vandalClassPath(), VANDAL, "replace",
        address, String.valueOf(procs.registryPort()), "own", collected.toString()))
        .redirectErrorStream(true).redirectOutput(collectorOut.toFile()).start();
    background.add(collector);
    awaitText(collectorOut, "BOUND a password collector");
    cli = command(ns, registry, "login", "alice", "secret-pw");
    assertEquals(3, cli.exitCode(), cli.toString());
    assertTrue(cli.stderr().strip().matches("error: engine not verified at " + Pattern.quote(registry)
        + ": registry entry redditclone/users is not the engine's UserService \\(found a UserService at "
        + Pattern.quote(address) + ":\\d+, while the other services are at " + Pattern.quote(engineAt)
        + "\\); the registry may have been altered"), cli.stderr());
    assertFalse(cli.stderr().contains("\tat "), "no stack trace: " + cli.stderr());
    assertFalse(Files.exists(collected), "no call, so no password, reached the collector");

    // The engine comes back and binds its own; a replacement while it runs lasts about one check.
    startEngine(ns, address);
    assertCliWorks(ns, registry);
    String restored = vandal(ns, "restore", address).assertOk().stdout();
    Matcher m = Pattern.compile("RESTORED after (\\d+) ms").matcher(restored);
    assertTrue(m.find(), restored);
    long millis = Long.parseLong(m.group(1));
    assertTrue(millis <= WATCH_PERIOD_MILLIS + 3_000, "restored after " + millis + " ms"); // slack: a busy machine
    String engineLog = awaitText(procs.home().resolve("logs/engine.log"), "pointed at");
    assertTrue(engineLog.contains("redditclone/users pointed at Proxy[StatsService"), engineLog);
    assertCliWorks(ns, registry);
    System.out.printf("a replaced binding was restored after %d ms (check interval %d ms)%n", millis,
        WATCH_PERIOD_MILLIS);
  }

  private void startEngine(String ns, String address, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--registry", address + ":" + procs.registryPort(),
        "--bind-address", address, "--password-cost", "1000", "--data-dir", procs.home().resolve("data").toString(),
        "--heap", "256m"));
    args.addAll(List.of(extra));
    SecurityShell.run(procs, null, List.of(), SecurityShell.script(ns, "start-engine.sh", args.toArray(String[]::new)))
        .assertOk();
  }

  private RealProcesses.Result vandal(String ns, String mode, String address, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("-cp", vandalClassPath(), VANDAL, mode, address,
        String.valueOf(procs.registryPort())));
    args.addAll(List.of(more));
    return SecurityShell.run(procs, null, List.of(), SecurityShell.java(ns, args.toArray(String[]::new)));
  }

  /** The vandal has what anyone on the host can read: the contract and the engine's jar. */
  static String vandalClassPath() throws IOException {
    try (Stream<Path> lib = Files.list(RealProcesses.ROOT.resolve("rmi-engine/target/lib"))) {
      Path api = lib.filter(f -> f.getFileName().toString().startsWith("rmi-api")).findFirst().orElseThrow();
      return TEST_CLASSES + ":" + api + ":" + RealProcesses.ROOT.resolve("rmi-engine/target/rmi-engine.jar");
    }
  }

  private RealProcesses.Result cli(String ns, String registry, String stdin) throws Exception {
    return SecurityShell.run(procs, stdin, List.of(), SecurityShell.script(ns, "cli.sh", "--registry", registry));
  }

  /** Runs one CLI command (exit 3 when the engine is unreachable or not verified). */
  private RealProcesses.Result command(String ns, String registry, String... words) throws Exception {
    List<String> args = new ArrayList<>(List.of("--registry", registry));
    args.addAll(List.of(words));
    return SecurityShell.run(procs, null, List.of(), SecurityShell.script(ns, "cli.sh", args.toArray(String[]::new)));
  }

  private void assertCliWorks(String ns, String registry) throws Exception {
    String user = "u" + ThreadLocalRandom.current().nextInt(1_000_000);
    List<String> lines = cli(ns, registry, "register " + user + " pw\nlogin " + user + " pw\nwhoami\n").assertOk().lines();
    assertTrue(lines.get(lines.size() - 1).contains("user=" + user), lines.toString());
  }

  /** Runs one simulator JVM against {@code registry} as start-clients.sh would. */
  private RealProcesses.Result simulator(String ns, String registry) throws Exception {
    Path root = RealProcesses.ROOT;
    return SecurityShell.run(procs, null, List.of(), SecurityShell.java(ns,
        "-Djava.security.properties=" + root.resolve("policy/serial-filters.security"),
        "-cp", root.resolve("rmi-client/target/rmi-client.jar") + ":" + root.resolve("rmi-client/target/lib") + "/*",
        "org.redditclone.client.sim.SimClientMain", "--registry", registry, "--client-id", "1",
        "--out", procs.home().resolve("run").toString(), "--users", "5", "--duration", "1s"));
  }

  private void signalEngine(String signal) throws Exception {
    String pid = Files.readString(procs.home().resolve("state/engine.pid")).strip();
    Process p = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "kill -" + signal + " " + pid);
  }

  private String log(String name) throws IOException {
    return Files.readString(procs.home().resolve("logs").resolve(name));
  }

  /** Waits up to 30 s for {@code file} to contain {@code text}; returns the file's text. */
  private static String awaitText(Path file, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String content = "";
    while (System.nanoTime() < deadline) {
      content = Files.exists(file) ? Files.readString(file) : "";
      if (content.contains(text)) {
        return content;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no '" + text + "' in " + file + " within 30 s:\n" + content);
  }
}
