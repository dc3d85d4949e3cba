package org.redditclone.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A registry and an engine started as real processes through the project's own scripts, on a free
 * loopback port, with pid files and logs in a folder of their own under {@code target/it/}.
 *
 * <p>{@link #close()} stops them with {@code scripts/stop.sh} and then kills whatever a pid file
 * still names, so nothing outlives the test, pass or fail. Use it in try-with-resources or
 * {@code @AfterEach}.
 */
public final class RealProcesses implements AutoCloseable {

  /** The project's top folder, given by the build (failsafe's redditclone.root). */
  public static final Path ROOT =
      Path.of(System.getProperty("redditclone.root", "..")).toAbsolutePath().normalize();

  private static final long SCRIPT_TIMEOUT_SECONDS = 120;

  private final Path home;
  private final int registryPort;
  private final List<Process> started = new ArrayList<>();

  private RealProcesses(Path home, int registryPort) {
    this.home = home;
    this.registryPort = registryPort;
  }

  /** Starts a registry (the JDK rmiregistry) and an engine with a low password cost. */
  public static RealProcesses start(String... extraEngineArgs) throws IOException, InterruptedException {
    RealProcesses procs = create();
    try {
      procs.script("start-registry.sh", "--port", String.valueOf(procs.registryPort)).assertOk();
      List<String> args = new ArrayList<>(List.of(
          "--registry", procs.registry(),
          "--password-cost", "1000",
          "--data-dir", procs.home.resolve("data").toString(),
          "--heap", "512m"));
      args.addAll(List.of(extraEngineArgs));
      procs.script("start-engine.sh", args.toArray(String[]::new)).assertOk();
      return procs;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      procs.close();
      throw e;
    }
  }

  /** Returns a harness with its own state folder and a free port, nothing started yet. */
  public static RealProcesses create() throws IOException {
    Path base = ROOT.resolve("integration-tests/target/it");
    Files.createDirectories(base);
    Path home = Files.createTempDirectory(base, "procs-");
    return new RealProcesses(home, freePort());
  }

  /** Returns the registry's address as HOST:PORT. */
  public String registry() {
    return "127.0.0.1:" + registryPort;
  }

  /** Returns the registry's port. */
  public int registryPort() {
    return registryPort;
  }

  /** Returns this harness's own folder: pid files in state/, logs in logs/, data in data/. */
  public Path home() {
    return home;
  }

  /** Runs {@code scripts/cli.sh --registry <this registry> ARGS} with {@code stdin} and waits for it. */
  public Result cli(String stdin, String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("--registry", registry()));
    all.addAll(List.of(args));
    return run(stdin, "cli.sh", all.toArray(String[]::new));
  }

  /** Runs a script of scripts/ with this harness's state and log folders and waits for it. */
  public Result script(String name, String... args) throws IOException, InterruptedException {
    return run(null, name, args);
  }

  /** Starts a script of scripts/ without waiting; {@link #close()} kills it if still running. */
  public Process startScript(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("scripts").resolve(name).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    environment(builder.environment());
    Path out = home.resolve("logs").resolve(name + "-" + System.nanoTime() + ".out");
    Files.createDirectories(out.getParent());
    builder.redirectErrorStream(true).redirectOutput(out.toFile());
    Process process = builder.start();
    synchronized (started) {
      started.add(process);
    }
    return process;
  }

  private Result run(String stdin, String name, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("scripts").resolve(name).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    environment(builder.environment());
    Path out = Files.createTempFile(home, name, ".out");
    Path err = Files.createTempFile(home, name, ".err");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    synchronized (started) {
      started.add(process);
    }
    try (var input = process.getOutputStream()) {
      if (stdin != null) {
        input.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      killTree(process.toHandle());
      throw new AssertionError(name + " " + List.of(args) + " did not finish within "
          + SCRIPT_TIMEOUT_SECONDS + " s; output in " + out + " and " + err);
    }
    return new Result(List.of(name, String.join(" ", args)).toString(), process.exitValue(),
        Files.readString(out), Files.readString(err));
  }

  private void environment(Map<String, String> env) {
    env.put("REDDITCLONE_STATE", home.resolve("state").toString());
    env.put("REDDITCLONE_LOGS", home.resolve("logs").toString());
  }

  /** Stops everything: scripts/stop.sh, then SIGKILL for anything a pid file or this harness still knows. */
  @Override
  public void close() {
    try {
      script("stop.sh");
    } catch (IOException | InterruptedException | AssertionError e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> pids = Files.exists(home.resolve("state")) ? Files.list(home.resolve("state")) : Stream.empty()) {
      pids.filter(p -> p.toString().endsWith(".pid")).forEach(RealProcesses::killPidFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (started) {
      started.forEach(p -> killTree(p.toHandle()));
    }
  }

  private static void killPidFile(Path file) {
    try {
      long pid = Long.parseLong(Files.readString(file).trim());
      ProcessHandle.of(pid).ifPresent(RealProcesses::killTree);
    } catch (IOException | NumberFormatException e) {
      // a pid file half written by a dying script: nothing to kill
    }
  }

  private static void killTree(ProcessHandle handle) {
    handle.descendants().forEach(ProcessHandle::destroyForcibly);
    handle.destroyForcibly();
  }

  /** Returns a port that was free a moment ago on loopback. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** What a finished script printed and how it exited. */
  public record Result(String command, int exitCode, String stdout, String stderr) {

    /** Returns this result, or throws an AssertionError with everything it printed if it failed. */
    public Result assertOk() {
      if (exitCode != 0) {
        throw new AssertionError(command + " exited " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr);
      }
      return this;
    }

    /** Returns the lines of stdout. */
    public List<String> lines() {
      return stdout.lines().toList();
    }
  }
}
