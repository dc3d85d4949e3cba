package org.redditclone.client.report;

import static java.util.Objects.requireNonNull;

/**
 * One chart of a page: its stable element id, a caption and the PNG bytes.
 *
 * @param id the id of the chart's {@code <img>}, e.g. {@code chart-throughput}
 * @param caption what the chart shows, as plain text
 * @param png the image
 */
record Figure(String id, String caption, byte[] png) {

  Figure {
    requireNonNull(id, "id");
    requireNonNull(caption, "caption");
    requireNonNull(png, "png");
  }
}
