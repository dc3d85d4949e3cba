package org.redditclone.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class RunPageServerTest {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void servesThePage_andTheSuppliersCurrentView() throws Exception {
    AtomicInteger taken = new AtomicInteger();
    try (RunPageServer server = RunPageServer.start(() -> view("run-" + taken.incrementAndGet()))) {
      URI url = server.url();
      assertTrue(url.toString().matches("http://127\\.0\\.0\\.1:\\d+/"), url.toString());

      HttpResponse<String> page = get(url);
      assertEquals(200, page.statusCode());
      assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
      assertTrue(page.body().contains("<body data-source=\"" + RunPageServer.VIEW_PATH + "\">"));
      assertEquals(RunPage.POLICY, page.headers().firstValue("Content-Security-Policy").orElse(""));

      HttpResponse<String> first = get(url.resolve(RunPageServer.VIEW_PATH));
      HttpResponse<String> second = get(url.resolve(RunPageServer.VIEW_PATH));
      assertEquals(200, first.statusCode());
      assertEquals("application/json; charset=utf-8", first.headers().firstValue("Content-Type").orElse(""));
      assertEquals("no-store", first.headers().firstValue("Cache-Control").orElse(""));
      assertEquals("run-1", Json.object(Json.parse(first.body())).get("runId"));
      assertEquals("run-2", Json.object(Json.parse(second.body())).get("runId"));
    }
  }

  @Test
  void from_leavesOutTheEarlierSeconds_andAnyOtherQueryIsRefused() throws Exception {
    List<RunView.Second> seconds = new java.util.ArrayList<>();
    for (int s = 0; s < 4; s++) {
      seconds.add(new RunView.Second(s, 1, 10, 0, 0, 0, List.of(), Map.of()));
    }
    RunView view = new RunView("r", "measuring", 0, 0, 0, Map.of(), List.of(), seconds, List.of(),
        Map.of(), List.of(), List.of(), List.of());
    try (RunPageServer server = RunPageServer.start(() -> view)) {
      HttpResponse<String> late = get(server.url().resolve(RunPageServer.VIEW_PATH + "?from=2"));
      assertEquals(200, late.statusCode());
      assertEquals(2, Json.array(Json.object(Json.parse(late.body())).get("seconds")).size());
      for (String query : List.of("from=x", "from=-1", "from=", "since=2", "from=1&x=2")) {
        HttpResponse<String> bad = get(server.url().resolve(RunPageServer.VIEW_PATH + "?" + query));
        assertEquals(400, bad.statusCode(), query);
        assertTrue(bad.body().contains("from=SECOND"), bad.body());
      }
    }
  }

  @Test
  void refusesOtherPathsAndMethods() throws Exception {
    try (RunPageServer server = RunPageServer.start(() -> view("r"))) {
      for (String path : List.of("report.html", "view.json/x", "favicon.ico", "%2e%2e/etc/passwd")) {
        assertEquals(404, get(server.url().resolve(path)).statusCode(), path);
      }
      HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.url())
          .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(405, post.statusCode());
      assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
    }
  }

  @Test
  void onLoopback_refusesARequestForAnotherHostName() throws Exception {
    try (RunPageServer server = RunPageServer.start(() -> view("r"))) {
      assertTrue(rawStatusLine(server, "rebound.example.com").startsWith("HTTP/1.1 421"));
      assertTrue(rawStatusLine(server, "localhost:" + server.url().getPort()).startsWith("HTTP/1.1 200"));
    }
  }

  @Test
  void aSupplierThatFails_givesA500_andTheServerGoesOn() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (RunPageServer server = RunPageServer.start(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("not ready");
      }
      return view("r");
    })) {
      HttpResponse<String> failed = get(server.url().resolve(RunPageServer.VIEW_PATH));
      assertEquals(500, failed.statusCode());
      assertTrue(failed.body().contains("not ready"), failed.body());
      assertEquals(200, get(server.url().resolve(RunPageServer.VIEW_PATH)).statusCode());
    }
  }

  @Test
  void close_freesThePort() throws Exception {
    RunPageServer server = RunPageServer.start(() -> view("r"));
    int port = server.url().getPort();
    assertEquals(200, get(server.url()).statusCode());
    server.close();
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    try (RunPageServer again = RunPageServer.start(() -> view("r"),
        java.net.InetAddress.getLoopbackAddress(), port)) {
      assertEquals(port, again.url().getPort());
    }
  }

  @Test
  void aBadPort_isRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunPageServer.start(() -> view("r"), java.net.InetAddress.getLoopbackAddress(), 70000));
    assertTrue(e.getMessage().contains("port is 70000"), e.getMessage());
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Returns the status line of a GET of / with {@code host} as its Host header. */
  private static String rawStatusLine(RunPageServer server, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.url().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
        line.append((char) c);
      }
      return line.toString();
    }
  }

  private static RunView view(String runId) {
    return new RunView(runId, "measuring", System.currentTimeMillis(), -1, -1, Map.of(), List.of(),
        List.of(), List.of(), Map.of(), List.of(), List.of(), List.of());
  }
}
