import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.redditclone.client.report.FolderView;
import org.redditclone.client.report.RunPageServer;
import org.redditclone.client.report.RunView;

/**
 * {@code java -cp CLIENT_CLASSPATH LiveRunPage.java RUN_DIR}: serves the live run page of a run
 * that replays RUN_DIR's seconds as they pass, two at the start and one more each second, as a
 * run coordinator's view grows; the engine's figures are made up (the folder has none). Prints
 * {@code live page: URL} and serves until killed. ReportInBrowserIT runs it as a JVM of its own.
 */
public final class LiveRunPage {

  public static void main(String[] args) throws Exception {
    RunView folder = FolderView.read(Path.of(args[0]));
    long start = System.currentTimeMillis();
    try (RunPageServer server = RunPageServer.start(() -> grown(folder, start))) {
      System.out.println("live page: " + server.url());
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  /** Returns the view {@code now}: the folder's first seconds, measuring. */
  private static RunView grown(RunView folder, long start) {
    long now = System.currentTimeMillis();
    int shown = (int) Math.min(folder.seconds().size(), 2 + (now - start) / 1000);
    List<RunView.Second> seconds = new ArrayList<>();
    for (RunView.Second s : folder.seconds().subList(0, shown)) {
      seconds.add(new RunView.Second(s.second(), folder.clients().size(), s.usersOnline(),
          s.second() % 4 == 0 ? 8.5 : 0, 35 + 5 * (s.second() % 3), 0.4 + s.second() % 2,
          List.of(), s.ops()));
    }
    List<RunView.Client> clients = folder.clients().stream()
        .map(c -> new RunView.Client(c.id(), "localhost", "measuring", c.users(), 0, shown - 1))
        .toList();
    return new RunView(folder.runId(), "measuring", now, start,
        start + folder.seconds().size() * 1000L, folder.config(), clients, seconds,
        folder.summary(), folder.spectrum(), List.of(),
        List.of(new RunView.Threshold("ALL.p99<1s", "PASS", "366.477ms")), List.of(),
        folder.errors());
  }
}
