package org.redditclone.api;

import java.util.List;
import java.util.Objects;

/**
 * What a client JVM tells the coordinator every second (and at once when its phase changes).
 *
 * @param clientId the client's id in the run
 * @param phase where it is
 * @param usersSetUp how many of its users are set up so far
 * @param seconds the measured seconds not reported yet, oldest first; empty outside the window
 */
public record ClientReport(int clientId, ClientPhase phase, int usersSetUp, List<Second> seconds)
    implements java.io.Serializable {

  public ClientReport {
    Objects.requireNonNull(phase, "phase");
    seconds = List.copyOf(seconds);
  }

  /**
   * One measured second of one client: what it writes to its files for that second.
   *
   * @param second the second of the run's window, 0 first
   * @param millis its length: 1000, or less for the last, partial second of the client
   * @param histograms per operation and outcome, the second's latencies (ns)
   * @param errors the failed calls of the second by operation and error type
   * @param usersOnline the client's users online at the end of the second
   * @param lagP99Millis the 99th percentile of how late its planned calls started in the second
   *     (open loop), milliseconds; NaN when none was planned
   */
  public record Second(
      long second, long millis, List<TaggedHistogram> histograms, List<ErrorCount> errors, int usersOnline,
      double lagP99Millis) implements java.io.Serializable {

    public Second {
      histograms = List.copyOf(histograms);
      errors = List.copyOf(errors);
      if (second < 0 || millis < 0 || millis > 1000) {
        throw new IllegalArgumentException("second " + second + " must be 0 or more and millis " + millis + " 0..1000");
      }
    }
  }

  /**
   * The latencies of one operation and outcome in one second.
   *
   * @param tag the operation, with {@code .error} for failed calls: {@code post}, {@code post.error}
   * @param compressed the HdrHistogram in its compressed encoding
   */
  public record TaggedHistogram(String tag, byte[] compressed) implements java.io.Serializable {

    public TaggedHistogram {
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(compressed, "compressed");
    }
  }

  /**
   * Failed calls of one operation with one error type.
   *
   * @param op the operation
   * @param type the error's type, e.g. {@code NotFoundException}
   * @param count failed calls
   */
  public record ErrorCount(String op, String type, long count) implements java.io.Serializable {

    public ErrorCount {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(type, "type");
    }
  }
}
