package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Hostile streams across processes: the registry of scripts/start-registry.sh (RegistryMain by
 * default, and the JDK's rmiregistry tool with {@code --jdk-rmiregistry}) and the engine of
 * scripts/start-engine.sh receive, from an attacker JVM ({@link org.redditclone.it.hostile.HostileClient}),
 * a class outside the allow-list, a graph too deep, an array too large, too many references and
 * strings too long, in every object argument slot of every bound service, in the registry's bind
 * and in the distributed GC's dirty call on the registry's and the engine's port. Each is refused, no instance of the gadget is ever made, and they serve others after.
 *
 * <p>The gadget classes ({@code hostile/*Tripwire*}) are put on the attacked JVMs' boot class path
 * with {@code JAVA_TOOL_OPTIONS=-Xbootclasspath/a:...}, so the engine and registry CAN resolve and
 * instantiate them: a class they could not resolve would fail with ClassNotFoundException and
 * prove nothing about the filter. Their constructor, readObject and static initializer write a
 * marker file; a control JVM set up the same way but without a filter shows the markers do appear
 * when a tripwire is deserialized. The filters' {@code java.io.serialization} logger is at FINE,
 * so the attacked JVMs' logs also show {@code ObjectInputFilter REJECTED: class ...Tripwire}.
 */
final class HostileRegistryAndEngineIT {

  private static final Path TEST_CLASSES = RealProcesses.ROOT.resolve("integration-tests/target/test-classes");
  private static final Pattern SUMMARY = Pattern.compile(
      "SUMMARY target=(\\w+) tried=(\\d+) refused=(\\d+) accepted=(\\d+) classNotFound=(\\d+) slots=(-?\\d+) (\\{.*})");

  private RealProcesses procs;
  private Path gadget;
  private Path marks;
  private Path loggingProperties;
  private final List<String> namespaces = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    procs = RealProcesses.create();
    gadget = procs.home().resolve("gadget");
    Path pkg = gadget.resolve("org/redditclone/it/hostile");
    Files.createDirectories(pkg);
    for (String name : List.of("TripwireBase", "Tripwire", "RemoteTripwire")) {
      Files.copy(TEST_CLASSES.resolve("org/redditclone/it/hostile/" + name + ".class"), pkg.resolve(name + ".class"));
    }
    marks = Files.createDirectories(procs.home().resolve("marks"));
    loggingProperties = procs.home().resolve("serialization-logging.properties");
    Files.writeString(loggingProperties, String.join("\n",
        "handlers=java.util.logging.ConsoleHandler",
        ".level=INFO",
        "java.util.logging.ConsoleHandler.level=FINE",
        "java.io.serialization.level=FINE", ""));
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (procs != null) {
      procs.close(); // pid files: pids are shared across network namespaces
    }
    for (String ns : namespaces) {
      new ProcessBuilder("ip", "netns", "del", ns).inheritIO().start().waitFor();
    }
  }

  /** What every attacked JVM gets: the gadget on its boot class path, a marker folder, filter logging. */
  private List<String> attackedJvmEnv() {
    return List.of("JAVA_TOOL_OPTIONS=-Xbootclasspath/a:" + gadget + " -Dredditclone.tripwire.dir=" + marks
        + " -Djava.util.logging.config.file=" + loggingProperties);
  }

  @Test
  void theDefaultRegistryAndTheEngine_refuseEveryHostileStream_beforeAnInstanceIsMade() throws Exception {
    controlTripwireMarksWhenDeserializedWithoutAFilter();
    String port = String.valueOf(procs.registryPort());
    SecurityShell.run(procs, null, attackedJvmEnv(), SecurityShell.script(null, "start-registry.sh", "--port", port))
        .assertOk();
    String enginePort = String.valueOf(RealProcesses.freePort());
    SecurityShell.run(procs, null, attackedJvmEnv(), SecurityShell.script(null, "start-engine.sh",
        "--registry", procs.registry(), "--port", enginePort, "--password-cost", "1000",
        "--data-dir", procs.home().resolve("data").toString(), "--heap", "256m")).assertOk();

    Summary registry = attack(null, "registry", "127.0.0.1", port);
    assertTrue(registry.tried >= 9, registry.toString());
    assertTrue(registry.output.contains("BOUND before="), registry.output);
    Summary engine = attack(null, "engine", "127.0.0.1", port);
    assertTrue(engine.slots >= 30, "object argument slots found: " + engine);
    assertEquals(engine.slots * 8, engine.tried, engine.toString());
    assertTrue(engine.output.contains("STILL SERVING ping answered"), engine.output);
    assertGadgetsRefusedByTheFilter(engine.output);
    // the distributed GC, which answers on every RMI port before any object of ours is involved
    Summary registryDgc = attack(null, "dgc", "127.0.0.1", port);
    Summary engineDgc = attack(null, "dgc", "127.0.0.1", enginePort);
    for (Summary dgc : List.of(registryDgc, engineDgc)) {
      assertEquals(6, dgc.tried, dgc.output);
      for (String line : dgc.output.lines().filter(l -> l.startsWith("CALL ")).toList()) {
        // a refusal at an array's header closes the connection while the rest is still being written
        assertTrue(line.contains("| filter-rejected |") || line.contains("3 MB string | connection-closed |")
            || line.contains("array of 100,001 | connection-closed |"), line);
      }
    }

    assertNoMarks();
    assertLogShowsFilterRejectedTheTripwire("registry.log");
    assertLogShowsFilterRejectedTheTripwire("engine.log");
    List<String> lines = procs.cli("register eve pw\nlogin eve pw\nwhoami\n").assertOk().lines();
    assertTrue(lines.get(lines.size() - 1).contains("user=eve"), lines.toString());
    System.out.printf("hostile streams across processes: registry %s; engine %s; DGC of registry %s; DGC of engine %s%n",
        registry, engine, registryDgc, engineDgc);
  }

  @Test
  void theJdkRmiregistry_refusesHostileBinds_inANamespaceOfItsOwn() throws Exception {
    // The tool listens on every interface, so the script refuses a loopback --bind-address ...
    RealProcesses.Result refused = SecurityShell.run(procs, null, List.of(),
        SecurityShell.script(null, "start-registry.sh", "--jdk-rmiregistry", "--port", String.valueOf(procs.registryPort())));
    assertEquals(2, refused.exitCode(), refused.toString());
    // ... and the test runs it where "every interface" is a namespace's loopback and a dummy
    // veth pair with a private address, reachable from nowhere else.
    assumeTrue(SecurityShell.canMakeNamespaces(), "needs root and iproute2 (ip) to make a network namespace");
    String ns = "rchost-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF));
    String address = "10.214." + ThreadLocalRandom.current().nextInt(1, 250) + ".1";
    namespaces.add(ns);
    SecurityShell.isolatedNamespace(ns, address);

    controlTripwireMarksWhenDeserializedWithoutAFilter();
    String port = String.valueOf(procs.registryPort());
    String registryAddress = address + ":" + port;
    SecurityShell.run(procs, null, attackedJvmEnv(), SecurityShell.script(ns, "start-registry.sh",
        "--jdk-rmiregistry", "--bind-address", address, "--port", port)).assertOk();
    SecurityShell.run(procs, null, List.of(), SecurityShell.script(ns, "start-engine.sh",
        "--registry", registryAddress, "--bind-address", address, "--password-cost", "1000",
        "--data-dir", procs.home().resolve("data").toString(), "--heap", "256m")).assertOk();

    Summary registry = attack(ns, "registry", address, port);
    assertTrue(registry.tried >= 9, registry.toString());
    // the JDK registry has no call size cap: a plain string in bind's Remote slot is read, then
    // refused as not Remote; every object is refused by the filter
    for (String line : registry.output.lines().filter(l -> l.startsWith("CALL ")).toList()) {
      if (!line.contains("| 3 MB string |")) {
        assertTrue(line.contains("| filter-rejected |") || line.contains("| connection-closed |"), line);
      }
    }
    assertNoMarks();
    assertLogShowsFilterRejectedTheTripwire("registry.log");
    List<String> lines = SecurityShell.run(procs, "register eve pw\nlogin eve pw\nwhoami\n", List.of(),
        SecurityShell.script(ns, "cli.sh", "--registry", registryAddress)).assertOk().lines();
    assertTrue(lines.get(lines.size() - 1).contains("user=eve"), lines.toString());
    System.out.printf("hostile binds into the JDK rmiregistry: %s%n", registry);
  }

  /** Every gadget payload that reached an object slot was refused by the filter, not by chance. */
  private static void assertGadgetsRefusedByTheFilter(String output) {
    int checked = 0;
    for (String line : output.lines().filter(l -> l.startsWith("CALL ")).toList()) {
      boolean gadget = line.contains("| class outside the allow-list |") || line.contains("gadget |");
      if (gadget && !line.contains("(String) |")) {
        assertTrue(line.contains("| filter-rejected |"), line);
        checked++;
      }
    }
    assertTrue(checked > 0, output);
  }

  private void controlTripwireMarksWhenDeserializedWithoutAFilter() throws Exception {
    Path controlMarks = Files.createDirectories(procs.home().resolve("control-marks"));
    String out = java(null, 60, "-Xbootclasspath/a:" + gadget, "-Dredditclone.tripwire.dir=" + controlMarks,
        "-cp", TEST_CLASSES.toString(), "org.redditclone.it.hostile.HostileClient", "control");
    assertTrue(out.contains("CONTROL loader=boot"), out);
    assertTrue(out.contains("CONTROL marks=[constructed, readObject]"), out);
  }

  private void assertNoMarks() throws IOException {
    try (Stream<Path> files = Files.list(marks)) {
      assertEquals(List.of(), files.toList(), "a tripwire was loaded, constructed or read in an attacked JVM");
    }
  }

  private void assertLogShowsFilterRejectedTheTripwire(String log) throws IOException {
    String text = Files.readString(procs.home().resolve("logs").resolve(log));
    assertTrue(text.contains("ObjectInputFilter REJECTED: class org.redditclone.it.hostile.Tripwire"), log + ":\n"
        + text.substring(Math.max(0, text.length() - 3000)));
  }

  private Summary attack(String ns, String mode, String host, String port) throws Exception {
    String out = java(ns, 400, "-Dsun.rmi.transport.tcp.responseTimeout=60000",
        "-cp", TEST_CLASSES + ":" + enginesApiJar(), "org.redditclone.it.hostile.HostileClient", mode, host, port);
    Matcher m = SUMMARY.matcher(out);
    assertTrue(m.find(), out);
    Summary s = new Summary(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
        Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), m.group(7), out);
    assertEquals(0, s.accepted, out);
    assertEquals(0, s.classNotFound, out);
    assertEquals(s.tried, s.refused, out);
    return s;
  }

  /** The rmi-api jar on the engine's own class path (start-engine.sh's), so the method hashes match. */
  private static Path enginesApiJar() throws IOException {
    try (Stream<Path> lib = Files.list(RealProcesses.ROOT.resolve("rmi-engine/target/lib"))) {
      return lib.filter(f -> f.getFileName().toString().startsWith("rmi-api")).findFirst()
          .orElse(RealProcesses.ROOT.resolve("rmi-api/target/rmi-api.jar"));
    }
  }

  /** Runs a java command (in namespace {@code ns} unless null), fails if it fails, returns its output. */
  private String java(String ns, int seconds, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (ns != null) {
      command.addAll(List.of("ip", "netns", "exec", ns));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(procs.home(), "java", ".out");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), command + " did not finish in " + seconds + " s");
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String text = Files.readString(out);
    assertEquals(0, p.exitValue(), command + ":\n" + text);
    return text;
  }


  private record Summary(int tried, int refused, int accepted, int classNotFound, int slots, String evidence,
      String output) {
    @Override
    public String toString() {
      return "tried=" + tried + " refused=" + refused + " accepted=" + accepted + " slots=" + slots + " " + evidence;
    }
  }
}
