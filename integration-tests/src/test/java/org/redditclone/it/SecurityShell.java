package org.redditclone.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command (a script of scripts/, or {@code ip}, optionally inside a network namespace)
 * with a {@link RealProcesses} harness's state and log folders, so that the harness's close()
 * stops whatever it started. For the security tests' namespaces and TLS folders.
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
