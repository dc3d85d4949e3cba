package org.redditclone.engine.journal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The record frame {@code [int length][int CRC32C of payload][payload]}, big-endian, and a reader
 * that tells a record cut short by a crash (torn) from one damaged in the middle of a file.
 */
final class Frames {

  static final int HEADER_BYTES = 8;

  /** A payload larger than this is damage (the largest event is far below). */
  static final int MAX_PAYLOAD = 8 << 20;

  private Frames() {}

  /** Appends the framed {@code payload} to {@code out}, which must have room. */
  static void put(ByteBuffer out, byte[] payload) {
    out.putInt(payload.length);
    out.putInt(crc(payload, 0, payload.length));
    out.put(payload);
  }

  static int crc(byte[] b, int off, int len) {
    CRC32C c = new CRC32C();
    c.update(b, off, len);
    return (int) c.getValue();
  }

  /** What reading the next record found. */
  enum Kind {
    /** A whole record with a matching checksum. */
    RECORD,
    /** The end of the file, exactly after the last record. */
    END,
    /** The file ends inside this record, or with zeros: the writer died mid-write. */
    TORN,
    /** A record that is wrong although more follows it: damage, not a crash. */
    BAD
  }

  /** One result of {@link Reader#next()}: a payload, or where and why reading stopped. */
  record Read(Kind kind, long offset, byte[] payload, String problem) {}

  /** Reads the framed records of one file, after checking its magic. */
  static final class Reader implements Closeable {
    private final Path file;
    private final long size;
    private final DataInputStream in;
    private long offset;

    /** Opens {@code file}; a wrong magic is reported by the first {@link #next()}. */
    Reader(Path file) throws IOException {
      this.file = file;
      this.size = Files.size(file);
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    Path file() {
      return file;
    }

    long size() {
      return size;
    }

    /** Returns a problem if the file does not start with {@code magic}, else null. */
    Read checkMagic(byte[] magic) throws IOException {
      if (size < magic.length) {
        return new Read(Kind.TORN, 0, null, "the " + magic.length + "-byte header is cut short at "
            + size + " bytes");
      }
      byte[] b = new byte[magic.length];
      in.readFully(b);
      offset = magic.length;
      if (!Arrays.equals(b, magic)) {
        return new Read(Kind.BAD, 0, null, "the file does not start with the journal header '"
            + new String(magic, java.nio.charset.StandardCharsets.US_ASCII).trim() + "'");
      }
      return null;
    }

    /** Returns the next record, or where and why there is none. */
    Read next() throws IOException {
      long at = offset;
      long left = size - at;
      if (left == 0) {
        return new Read(Kind.END, at, null, null);
      }
      if (left < HEADER_BYTES) {
        return new Read(Kind.TORN, at, null, "a record header cut short: " + left + " of "
            + HEADER_BYTES + " bytes");
      }
      int length = in.readInt();
      int crc = in.readInt();
      if (length < 1 || length > MAX_PAYLOAD) {
        String problem = "record length " + length + " is outside 1.." + MAX_PAYLOAD;
        return new Read(restIsZero(left - HEADER_BYTES) && length == 0 ? Kind.TORN : Kind.BAD, at,
            null, problem);
      }
      if (length > left - HEADER_BYTES) {
        return new Read(Kind.TORN, at, null, "a record of " + length + " bytes cut short at "
            + (left - HEADER_BYTES));
      }
      byte[] payload = new byte[length];
      try {
        in.readFully(payload);
      } catch (EOFException e) {
        return new Read(Kind.TORN, at, null, "the file shrank while it was read");
      }
      offset = at + HEADER_BYTES + length;
      if (crc(payload, 0, length) != crc) {
        boolean last = offset == size;
        return new Read(last ? Kind.TORN : Kind.BAD, at, null, "CRC32C mismatch over " + length
            + " bytes" + (last ? " in the last record" : ""));
      }
      return new Read(Kind.RECORD, at, payload, null);
    }

    private boolean restIsZero(long n) throws IOException {
      byte[] buf = new byte[8192];
      long remaining = n;
      while (remaining > 0) {
        int r = in.read(buf, 0, (int) Math.min(buf.length, remaining));
        if (r < 0) {
          return true;
        }
        for (int i = 0; i < r; i++) {
          if (buf[i] != 0) {
            return false;
          }
        }
        remaining -= r;
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
