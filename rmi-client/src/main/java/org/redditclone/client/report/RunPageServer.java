package org.redditclone.client.report;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the live run page over HTTP with the JDK's built-in server: {@code /} is the page and
 * {@code /view.json} the JSON of the supplier's current view, which the page polls every second
 * ({@code ?from=N}: only the seconds from N on).
 * Any other path is 404, any method but GET and HEAD 405. Bound to loopback unless told
 * otherwise; on loopback it answers only requests addressed to a loopback name, so a web page
 * elsewhere cannot read the run through DNS rebinding.
 */
public final class RunPageServer implements AutoCloseable {

  /**
   * The path of the view's JSON, relative to the page. {@code ?from=N} leaves out the seconds
   * before N, which a polling page already holds.
   */
  public static final String VIEW_PATH = "view.json";

  private static final Pattern FROM = Pattern.compile("(?:from=(\\d{1,15}))?");

  private final HttpServer server;
  private final ExecutorService executor;
  private final Supplier<RunView> views;
  private final byte[] page = RunPage.live(VIEW_PATH).getBytes(StandardCharsets.UTF_8);
  private final boolean loopback;

  private RunPageServer(HttpServer server, ExecutorService executor, Supplier<RunView> views,
      boolean loopback) {
    this.server = server;
    this.executor = executor;
    this.views = views;
    this.loopback = loopback;
  }

  /** Starts a server of {@code views} on 127.0.0.1, on a free port. */
  public static RunPageServer start(Supplier<RunView> views) throws IOException {
    return start(views, InetAddress.getLoopbackAddress(), 0);
  }

  /**
   * Starts a server of {@code views} on {@code address} and {@code port} (0: a free one).
   *
   * @throws IOException if the port cannot be bound, naming the address and the port
   */
  public static RunPageServer start(Supplier<RunView> views, InetAddress address, int port)
      throws IOException {
    requireNonNull(views, "views");
    requireNonNull(address, "address");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port is " + port + "; it must be 0 (a free one) to 65535");
    }
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(address, port), 16);
    } catch (IOException e) {
      throw new IOException("the live page cannot listen on " + address.getHostAddress() + ":"
          + port + ": " + e.getMessage(), e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
      Thread thread = new Thread(task, "run-page-http");
      thread.setDaemon(true);
      return thread;
    });
    RunPageServer server = new RunPageServer(http, executor, views, address.isLoopbackAddress());
    http.createContext("/", server::handle);
    http.setExecutor(executor);
    http.start();
    return server;
  }

  /** Returns the page's URL, e.g. {@code http://127.0.0.1:41234/}. */
  public URI url() {
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
        + bound.getPort() + "/");
  }

  /** Stops serving at once and frees the port. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (loopback && !loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
        send(exchange, 421, "text/plain", "this page answers only on a loopback address\n");
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain", method + " is not allowed; use GET\n");
      } else if (path.equals("/")) {
        send(exchange, 200, "text/html", page);
      } else if (path.equals("/" + VIEW_PATH)) {
        String query = exchange.getRequestURI().getRawQuery();
        Matcher from = FROM.matcher(query == null ? "" : query);
        if (!from.matches()) {
          send(exchange, 400, "text/plain", "the query is '" + query + "'; the only one is"
              + " from=SECOND, a whole number: the first second to send\n");
          return;
        }
        String json;
        try {
          json = RunViewJson.of(views.get(), from.group(1) == null ? 0 : Long.parseLong(from.group(1)));
        } catch (RuntimeException e) {
          send(exchange, 500, "text/plain", "the run's view cannot be taken: " + e + "\n");
          return;
        }
        send(exchange, 200, "application/json", json);
      } else {
        send(exchange, 404, "text/plain", "no such page: " + path + "; the page is /\n");
      }
    } finally {
      exchange.close();
    }
  }

  /** Returns whether a Host header names a loopback address: localhost, 127.x.y.z or [::1]. */
  private static boolean loopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
    return name.equals("localhost") || name.equals("[::1]") || name.matches("127(\\.\\d{1,3}){3}");
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Content-Security-Policy", RunPage.POLICY);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
