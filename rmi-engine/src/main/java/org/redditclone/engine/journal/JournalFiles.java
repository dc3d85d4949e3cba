package org.redditclone.engine.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names and headers of the files in a data directory. Segment {@code journal-NNNNNN.log} holds
 * events in the order applied; snapshot {@code snapshot-NNNNNN.snap} holds the state of every
 * segment numbered below {@code NNNNNN}. Both start with an 8-byte magic that names the format.
 */
final class JournalFiles {

  static final byte[] SEGMENT_MAGIC = "RCJRNL1\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SNAPSHOT_MAGIC = "RCSNAP1\n".getBytes(StandardCharsets.US_ASCII);
  static final int MAGIC_BYTES = 8;

  private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{6,})\\.log");
  private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{6,})\\.snap");

  private JournalFiles() {}

  static Path segment(Path dir, long index) {
    return dir.resolve(String.format("journal-%06d.log", index));
  }

  static Path snapshot(Path dir, long index) {
    return dir.resolve(String.format("snapshot-%06d.snap", index));
  }

  /** Returns the indexes of the segments in {@code dir}, ascending. */
  static List<Long> segments(Path dir) throws IOException {
    return indexes(dir, SEGMENT);
  }

  /** Returns the indexes of the snapshots in {@code dir}, ascending. */
  static List<Long> snapshots(Path dir) throws IOException {
    return indexes(dir, SNAPSHOT);
  }

  private static List<Long> indexes(Path dir, Pattern pattern) throws IOException {
    List<Long> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(p -> {
        Matcher m = pattern.matcher(p.getFileName().toString());
        if (m.matches()) {
          out.add(Long.parseLong(m.group(1)));
        }
      });
    }
    out.sort(null);
    return out;
  }

  /** Forces the directory entry changes (create, rename, delete) of {@code dir} to disk. */
  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; the rename itself is still atomic there.
    }
  }
}
