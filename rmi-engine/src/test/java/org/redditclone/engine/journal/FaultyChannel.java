package org.redditclone.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/**
 * A segment file's channel that fails the way a full or broken disk does, for
 * {@link Journal#open(Path, JournalOptions, java.util.function.Consumer, java.util.function.Consumer,
 * SegmentWriter.Opener)}: once its {@link Faults} run out of bytes, a write stores what still fits
 * (a short write, as write(2) does) and the next one throws {@code No space left on device}; a force
 * or a truncate can be made to fail with {@code Input/output error}. Everything else goes to the
 * real file.
 */
final class FaultyChannel extends FileChannel {

  /** What fails, shared by every segment a journal opens. Thread-safe. */
  static final class Faults {
    private long bytesLeft = Long.MAX_VALUE;
    private int forcesLeft = Integer.MAX_VALUE;
    private boolean forcesFailForever;
    private boolean truncateFails;

    /** Lets {@code bytes} more bytes be written, then fails every write. */
    synchronized Faults diskFullAfter(long bytes) {
      bytesLeft = bytes;
      return this;
    }

    /** Lets {@code forces} more forces succeed; then one fails, or all fail if {@code forever}. */
    synchronized Faults forceFailsAfter(int forces, boolean forever) {
      forcesLeft = forces;
      forcesFailForever = forever;
      return this;
    }

    /** Makes every truncate fail, so a failed batch cannot be cut off. */
    synchronized Faults truncateFails() {
      truncateFails = true;
      return this;
    }

    /** Returns the opener of segments with these faults. */
    SegmentWriter.Opener opener() {
      return file -> new FaultyChannel(SegmentWriter.FILES.open(file), this);
    }

    synchronized int take(int want) throws IOException {
      if (bytesLeft == 0) {
        throw new IOException("No space left on device");
      }
      int n = (int) Math.min(want, bytesLeft);
      bytesLeft -= n;
      return n;
    }

    synchronized void force() throws IOException {
      if (forcesLeft == 0) {
        if (!forcesFailForever) {
          forcesLeft = Integer.MAX_VALUE;
        }
        throw new IOException("Input/output error");
      }
      forcesLeft--;
    }

    synchronized void truncate() throws IOException {
      if (truncateFails) {
        throw new IOException("Input/output error");
      }
    }
  }

  private final FileChannel file;
  private final Faults faults;

  private FaultyChannel(FileChannel file, Faults faults) {
    this.file = file;
    this.faults = faults;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    int n = faults.take(src.remaining());
    if (n == src.remaining()) {
      return file.write(src);
    }
    ByteBuffer part = src.slice().limit(n);
    int written = file.write(part);
    src.position(src.position() + written);
    return written;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    faults.force();
    file.force(metaData);
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    faults.truncate();
    file.truncate(size);
    return this;
  }

  @Override
  public long position() throws IOException {
    return file.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    file.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return file.size();
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return file.read(dst);
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    return file.read(dsts, offset, length);
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    return file.read(dst, position);
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) {
    throw new UnsupportedOperationException("the journal writes one buffer at a time");
  }

  @Override
  public int write(ByteBuffer src, long position) {
    throw new UnsupportedOperationException("the journal only appends");
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) {
    throw new UnsupportedOperationException("not used by the journal");
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) {
    throw new UnsupportedOperationException("not used by the journal");
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) {
    throw new UnsupportedOperationException("not used by the journal");
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) {
    throw new UnsupportedOperationException("not used by the journal");
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) {
    throw new UnsupportedOperationException("not used by the journal");
  }

  @Override
  protected void implCloseChannel() throws IOException {
    file.close();
  }
}
