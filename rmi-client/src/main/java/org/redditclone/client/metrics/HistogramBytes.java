package org.redditclone.client.metrics;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A latency histogram in HdrHistogram's compressed encoding, the form in which a client pushes
 * each second to the run coordinator: the same encoding as the interval logs' lines, without
 * their base64.
 */
public final class HistogramBytes {

  private HistogramBytes() {}

  /** Encodes histograms, reusing one buffer; not thread-safe, one per encoding thread. */
  public static final class Encoder {
    private ByteBuffer buffer = ByteBuffer.allocate(0);

    /** Returns {@code histogram} in the compressed encoding. */
    public byte[] encode(Histogram histogram) {
      int needed = histogram.getNeededByteBufferCapacity();
      if (buffer.capacity() < needed) {
        buffer = ByteBuffer.allocate(needed);
      }
      buffer.clear();
      int length = histogram.encodeIntoCompressedByteBuffer(buffer);
      return Arrays.copyOf(buffer.array(), length);
    }
  }

  /**
   * Returns the histogram {@code bytes} encode, of the configuration of {@link Latencies}.
   *
   * @throws IllegalArgumentException if the bytes are no compressed histogram, or one of another
   *     configuration (what {@code what} names is said in the message)
   */
  public static Histogram decode(byte[] bytes, String what) {
    Histogram histogram;
    try {
      histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), Latencies.HIGHEST_NANOS);
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException(what + " is not a compressed histogram: " + e, e);
    }
    if (histogram.getNumberOfSignificantValueDigits() != Latencies.SIGNIFICANT_DIGITS
        || histogram.getLowestDiscernibleValue() != Latencies.LOWEST_NANOS
        || histogram.getHighestTrackableValue() > 2 * Latencies.HIGHEST_NANOS) {
      throw new IllegalArgumentException(what + " is a histogram of " + histogram.getLowestDiscernibleValue() + ".."
          + histogram.getHighestTrackableValue() + " ns with " + histogram.getNumberOfSignificantValueDigits()
          + " digits; expected " + Latencies.LOWEST_NANOS + ".." + Latencies.HIGHEST_NANOS + " with "
          + Latencies.SIGNIFICANT_DIGITS);
    }
    return histogram;
  }
}
