package org.redditclone.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command (a script of scripts/, a JVM, or {@code ip}, optionally inside a network
 * namespace) with a {@link RealProcesses} harness's state and log folders, so that the harness's
 * close() stops whatever it started. For the security tests' namespaces and TLS folders.
 */
final class SecurityShell {

  private SecurityShell() {}

  /** Runs {@code command} with the harness's environment plus {@code extraEnv} (KEY=VALUE). */
  static RealProcesses.Result run(RealProcesses procs, String stdin, List<String> extraEnv, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(RealProcesses.ROOT.toFile());
    builder.environment().put("REDDITCLONE_STATE", procs.home().resolve("state").toString());
    builder.environment().put("REDDITCLONE_LOGS", procs.home().resolve("logs").toString());
    for (String kv : extraEnv) {
      int eq = kv.indexOf('=');
      builder.environment().put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    Path out = Files.createTempFile(procs.home(), "cmd", ".out");
    Path err = Files.createTempFile(procs.home(), "cmd", ".err");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = builder.start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish in 120 s");
    }
    return new RealProcesses.Result(command.toString(), p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** Returns {@code java ARGS} of the JDK running the tests, inside namespace {@code ns} unless it is null. */
  static List<String> java(String ns, String... args) {
    List<String> command = new ArrayList<>();
    if (ns != null) {
      command.addAll(List.of("ip", "netns", "exec", ns));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Runs {@code ip ARGS}; throws if it fails. */
  static void ip(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError(command + " failed: " + out);
    }
  }

  /**
   * Makes network namespace {@code ns} whose only addresses are its loopback and {@code address}
   * on a veth pair with both ends inside: "every interface" of a process in it is reachable from
   * nowhere else. Delete it with {@code ip netns del NS}.
   */
  static void isolatedNamespace(String ns, String address) throws IOException, InterruptedException {
    ip("netns", "add", ns);
    ip("-n", ns, "link", "set", "lo", "up");
    ip("-n", ns, "link", "add", "rcv0", "type", "veth", "peer", "name", "rcv1");
    ip("-n", ns, "addr", "add", address + "/24", "dev", "rcv0");
    ip("-n", ns, "link", "set", "rcv0", "up");
    ip("-n", ns, "link", "set", "rcv1", "up");
  }

  /** Returns whether this test may make network namespaces: root, with iproute2's {@code ip}. */
  static boolean canMakeNamespaces() {
    try {
      Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0 && "root".equals(System.getProperty("user.name"));
    } catch (IOException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }

  /** Returns {@code bash scripts/NAME ARGS}, inside namespace {@code ns} unless it is null. */
  static List<String> script(String ns, String name, String... args) {
    List<String> command = new ArrayList<>();
    if (ns != null) {
      command.addAll(List.of("ip", "netns", "exec", ns));
    }
    command.add("bash");
    command.add(RealProcesses.ROOT.resolve("scripts").resolve(name).toString());
    command.addAll(List.of(args));
    return command;
  }
}
