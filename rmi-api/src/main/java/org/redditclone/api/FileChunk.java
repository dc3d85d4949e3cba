package org.redditclone.api;

import java.util.Objects;

/**
 * A part of one of a client's files, uploaded to the coordinator for the run folder.
 *
 * @param clientId the client whose file it is
 * @param name the file's name in the run folder, e.g. {@code client-3.hlog}
 * @param offset where in the file the part goes: the size uploaded so far
 * @param bytes the part, at most {@link #MAX_BYTES}
 * @param last whether the file is complete with this part
 */
public record FileChunk(int clientId, String name, long offset, byte[] bytes, boolean last)
    implements java.io.Serializable {

  /** The largest part: well below the size of one call a server takes. */
  public static final int MAX_BYTES = 256 * 1024;

  public FileChunk {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("a part of " + name + " is " + bytes.length + " bytes; the limit is " + MAX_BYTES);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset of " + name + " is " + offset + "; it cannot be negative");
    }
  }
}
