package org.redditclone.rmi;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A server-side socket that refuses to read more than {@link #MAX_CALL_BYTES} between two writes,
 * and sends each reply of up to {@link #REPLY_BUFFER_BYTES} in one write.
 *
 * <p>Why: the JEP 290 filters never see a plain {@code String} argument (the JDK reads strings
 * without asking the filter), so without this a peer could stream a string of gigabytes into the
 * engine's heap before the service refuses it as too long. JRMP is request and response on each
 * connection: the client writes a call, the server reads it whole, then writes the return. So
 * the bytes read since the server last wrote are the size of one call, and capping them caps
 * every call, whatever it holds. Exceeding the cap fails the read, and RMI closes the connection.
 */
public final class CallSizeLimit extends Socket {

  /**
   * The most bytes one call may take: twice the service filter's {@code maxbytes}, far above the
   * largest valid request (a 40,000-character post is at most 120 KB of modified UTF-8).
   */
  public static final int MAX_CALL_BYTES = 2 * 1024 * 1024;

  /**
   * The buffer under RMI's own (8 KB) on each connection's output: a reply up to this size leaves
   * in one write(2), where RMI alone writes a 13 KB comment tree in two. 32 KB holds a tree of
   * about 240 comments; per connection it costs that much heap.
   */
  static final int REPLY_BUFFER_BYTES = 32 * 1024;

  private final long maxCallBytes;
  private volatile long readSinceWrite;
  private InputStream in;
  private OutputStream out;

  /** Creates an unconnected socket for {@link java.net.ServerSocket#implAccept}. */
  CallSizeLimit(long maxCallBytes) {
    this.maxCallBytes = maxCallBytes;
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (in == null) {
      in = new Counting(super.getInputStream());
    }
    return in;
  }

  @Override
  public synchronized OutputStream getOutputStream() throws IOException {
    if (out == null) {
      out = new FilterOutputStream(
          new BufferedOutputStream(super.getOutputStream(), REPLY_BUFFER_BYTES)) {
        @Override
        public void write(int b) throws IOException {
          readSinceWrite = 0;
          super.out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          readSinceWrite = 0;
          super.out.write(b, off, len);
        }
      };
    }
    return out;
  }

  private void count(long n) throws IOException {
    if (n <= 0) {
      return;
    }
    long total = readSinceWrite + n;
    readSinceWrite = total;
    if (total > maxCallBytes) {
      throw new IOException("a call from " + getInetAddress().getHostAddress() + ":" + getPort()
          + " is over " + maxCallBytes + " bytes (read " + total + "); the connection is closed");
    }
  }

  private final class Counting extends FilterInputStream {
    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.in.read(b, off, len);
      count(n);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.in.skip(n);
      count(skipped);
      return skipped;
    }
  }
}
