package org.redditclone.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CLI JVMs that post as fast as they can into one subreddit, each fed commands through a pipe by a
 * thread of the test, and what they were told: the posts acknowledged to them, read back from
 * their logs, and a check that every one of them is on the engine.
 */
final class PostingWriters {

  private static final Pattern ACKED = Pattern.compile("^id=p(\\d+) ", Pattern.MULTILINE);
  private static final String BODY = "b".repeat(1000);

  private final RealProcesses procs;
  private final List<Process> writers = new ArrayList<>();
  private final List<Thread> feeders = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();

  private PostingWriters(RealProcesses procs) {
    this.procs = procs;
  }

  /** Registers the writers' user and subreddit {@code sub}, then starts {@code count} writers posting. */
  static PostingWriters start(RealProcesses procs, int count, String sub) throws Exception {
    procs.cli(null, "register", "writer", "pw").assertOk();
    procs.cli(null, "--as", "writer:pw", "create-sub", sub, "posts of the writers").assertOk();
    PostingWriters w = new PostingWriters(procs);
    for (int i = 0; i < count; i++) {
      Process p = procs.startScript("cli.sh", "--registry", procs.registry());
      w.writers.add(p);
      w.feeders.add(w.feed(p, i, sub));
    }
    return w;
  }

  /** Stops the writers (SIGKILL: whatever they were told is in their logs already). */
  void stop() throws InterruptedException {
    stop.set(true);
    for (Process p : writers) {
      p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
    }
    for (Thread t : feeders) {
      t.join();
    }
  }

  /** Returns what every writer printed, stdout and stderr. */
  String output() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(procs.home().resolve("logs"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("cli.sh-")).toList()) {
        all.append(Files.readString(f));
      }
    }
    return all.toString();
  }

  /** Returns the numbers of the posts whose ids {@code text} prints as {@code id=pN}. */
  static Set<Long> postIds(String text) {
    Set<Long> ids = new TreeSet<>();
    Matcher m = ACKED.matcher(text);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  /** Asserts that the engine now serving shows every post of {@code acked}. */
  void assertAllThere(Set<Long> acked) throws Exception {
    StringBuilder shows = new StringBuilder();
    acked.forEach(id -> shows.append("show p").append(id).append('\n'));
    Set<Long> lost = new TreeSet<>(acked);
    lost.removeAll(postIds(procs.cli(shows.toString()).stdout()));
    assertEquals(Set.of(), lost, acked.size() + " posts acknowledged, these are gone after the restart");
  }

  /** Starts a thread that logs writer {@code w} in and then posts until told to stop or refused the pipe. */
  private Thread feed(Process cli, int w, String sub) {
    Thread t = new Thread(() -> {
      try (OutputStream in = cli.getOutputStream()) {
        in.write("login writer pw\n".getBytes(UTF_8));
        for (int i = 0; !stop.get(); i++) {
          in.write(("post " + sub + " \"w" + w + "." + i + "\" \"" + BODY + "\"\n").getBytes(UTF_8));
          in.flush();
        }
      } catch (IOException gone) {
        // the writer was stopped
      }
    }, "feeder-" + w);
    t.start();
    return t;
  }
}
