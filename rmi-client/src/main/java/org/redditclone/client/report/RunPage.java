package org.redditclone.client.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redditclone.client.runfiles.RunFiles;

/**
 * The run page: one HTML page whose script draws a {@link RunView} with uPlot, either embedded
 * in the page (report.html, a comparison) or polled every second from a URL (the live page).
 * uPlot's script and style and the page's own are inlined, and the page's Content-Security-Policy
 * lets it load nothing and talk to no host but its own, so a written page opens from disk with no
 * network.
 */
public final class RunPage {

  /** The ids of the charts' elements, in page order; each gets {@code data-rendered}. */
  public static final List<String> CHART_IDS = List.of("chart-throughput", "chart-latency",
      "chart-errors", "chart-clients", "chart-engine", "chart-spectrum", "chart-zipf");

  /**
   * The page's Content-Security-Policy: inline script and style, data: images, requests to its
   * own origin only (the live page's JSON), nothing else.
   */
  static final String POLICY = "default-src 'none'; script-src 'unsafe-inline'; "
      + "style-src 'unsafe-inline'; img-src data:; connect-src 'self'";

  private static final String RESOURCES = "/org/redditclone/client/report/";
  private static final String UPLOT_POM =
      "/META-INF/maven/org.webjars.npm/uplot/pom.properties";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)\\}\\}");

  private RunPage() {}

  /** Returns the page of {@code view} with the view embedded: report.html. */
  public static String report(RunView view) {
    requireNonNull(view, "view");
    return page("Run " + view.runId(), "", "", RunViewJson.of(view));
  }

  /**
   * Returns the page of several views overlaid (side A solid, side B dashed), below {@code
   * tablesHtml}: trusted HTML written by the caller, e.g. the comparison's tables.
   */
  public static String comparison(String title, String tablesHtml, List<RunViewJson.Labelled> sides) {
    requireNonNull(tablesHtml, "tablesHtml");
    if (sides.isEmpty()) {
      throw new IllegalArgumentException("sides is empty; a comparison needs at least one view");
    }
    return page(title, "", tablesHtml, RunViewJson.sides(sides));
  }

  /** Returns the live page: it polls {@code source} (a URL relative to the page) every second. */
  public static String live(String source) {
    requireNonNull(source, "source");
    return page("Live run", source, "", "");
  }

  /** Writes {@code html} to {@code file} (replaced atomically), creating its folder. */
  public static void write(Path file, String html) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    RunFiles.writeAtomically(file, html);
  }

  private static String page(String title, String source, String extra, String json) {
    Map<String, String> parts = Map.of(
        "policy", POLICY,
        "title", Html.escape(title),
        "source", Html.escape(source),
        "extra", extra,
        "data", json,
        "uplot-css", Assets.UPLOT_CSS,
        "uplot-js", Assets.UPLOT_JS,
        "page-css", Assets.PAGE_CSS,
        "page-js", Assets.PAGE_JS);
    // One pass over the template only, so a placeholder inside a value is never replaced.
    Matcher m = PLACEHOLDER.matcher(Assets.TEMPLATE);
    StringBuilder page = new StringBuilder(Assets.TEMPLATE.length() + json.length()
        + Assets.UPLOT_JS.length() + extra.length());
    while (m.find()) {
      String value = parts.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("run-page.html has an unknown placeholder " + m.group());
      }
      m.appendReplacement(page, Matcher.quoteReplacement(value));
    }
    m.appendTail(page);
    return page.toString();
  }

  /** The page's files, read once from the class path. */
  private static final class Assets {
    static final String TEMPLATE = resource(RESOURCES + "run-page.html");
    static final String PAGE_CSS = inline(RESOURCES + "run-page.css", "style");
    static final String PAGE_JS = inline(RESOURCES + "run-page.js", "script");
    static final String UPLOT_CSS = inline(uplot() + "dist/uPlot.min.css", "style");
    static final String UPLOT_JS = license() + inline(uplot() + "dist/uPlot.iife.min.js", "script");

    /** Returns uPlot's licence as a comment: the MIT licence asks every copy to carry it. */
    private static String license() {
      String text = resource(uplot() + "LICENSE");
      if (text.contains("*/")) {
        throw new IllegalStateException("uPlot's LICENSE holds '*/', which would end its comment");
      }
      return "/* uPlot, inlined below:\n" + text + "*/\n";
    }

    /** Returns the folder of uPlot's files in its webjar, for the version on the class path. */
    private static String uplot() {
      Properties pom = new Properties();
      try (InputStream in = RunPage.class.getResourceAsStream(UPLOT_POM)) {
        if (in == null) {
          throw new IllegalStateException("uPlot is not on the class path (no " + UPLOT_POM
              + "): the run page needs the jar org.webjars.npm:uplot");
        }
        pom.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + UPLOT_POM, e);
      }
      return "/META-INF/resources/webjars/uplot/" + pom.getProperty("version") + "/";
    }

    /** Returns a resource that goes inside {@code <element>}, checked not to end it early. */
    private static String inline(String path, String element) {
      String text = resource(path);
      if (text.toLowerCase(Locale.ROOT).contains("</" + element)) {
        throw new IllegalStateException(path + " holds '</" + element + "', which would end the"
            + " <" + element + "> it is inlined into");
      }
      return text;
    }

    private static String resource(String path) {
      try (InputStream in = RunPage.class.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("the resource " + path + " is not on the class path");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the resource " + path, e);
      }
    }
  }
}
