package org.redditclone.client.report;

import java.util.List;

/** Small helpers for writing HTML text: escaping and tables. */
public final class Html {

  private Html() {}

  /** Returns {@code text} with {@code & < > " '} escaped, fit for element text and attributes. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Returns a {@code <table>} of plain-text cells (escaped here); columns whose header is in
   * {@code numeric} are right-aligned.
   */
  public static String table(String id, List<String> header, List<List<String>> rows,
      java.util.function.IntPredicate numeric) {
    StringBuilder html = new StringBuilder();
    html.append("<table");
    if (id != null) {
      html.append(" id=\"").append(escape(id)).append('"');
    }
    html.append(">\n<thead><tr>");
    for (int c = 0; c < header.size(); c++) {
      html.append(numeric.test(c) ? "<th class=\"num\">" : "<th>")
          .append(escape(header.get(c))).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      for (int c = 0; c < row.size(); c++) {
        html.append(numeric.test(c) ? "<td class=\"num\">" : "<td>")
            .append(escape(row.get(c))).append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }
}
