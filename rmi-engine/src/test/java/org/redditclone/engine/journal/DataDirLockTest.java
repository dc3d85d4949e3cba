package org.redditclone.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder's lock within one JVM (a second process is refused the same way; see
 * DataFolderLockIT): a second taker is refused naming the holder and changes nothing, and a
 * released lock or a stale LOCK file never blocks.
 */
final class DataDirLockTest {

  @TempDir Path dir;

  @Test
  void aSecondTaker_isRefused_namingTheFolderAndTheHolder_andTheFileIsLeftAsItWas() throws Exception {
    try (DataDirLock held = DataDirLock.acquire(dir)) {
      String holder = Files.readString(dir.resolve(DataDirLock.FILE));
      DataDirLock.InUseException e =
          assertThrows(DataDirLock.InUseException.class, () -> DataDirLock.acquire(dir));
      String message = e.getMessage();
      String pid = "pid " + ProcessHandle.current().pid() + ", started ";
      assertTrue(message.startsWith("data folder " + dir + " is in use by another engine (" + pid), message);
      assertTrue(message.matches(".*started \\d\\d:\\d\\d:\\d\\d\\); stop it first"), message);
      assertEquals(holder, Files.readString(dir.resolve(DataDirLock.FILE)));
    }
  }

  @Test
  void aReleasedLock_isTakenAgain() throws Exception {
    DataDirLock.acquire(dir).close();
    DataDirLock.acquire(dir).close();
  }

  @Test
  void aStaleLockFile_ofAProcessLongGone_neverBlocks() throws Exception {
    Files.writeString(dir.resolve(DataDirLock.FILE), "pid=1\nstarted=2001-02-03T04:05:06Z\n");
    try (DataDirLock lock = DataDirLock.acquire(dir)) {
      String now = Files.readString(dir.resolve(DataDirLock.FILE));
      assertTrue(now.startsWith("pid=" + ProcessHandle.current().pid() + "\nstarted="), now);
    }
  }

  @Test
  void aLockFileThatNamesNobody_stillRefuses_sayingSo() throws Exception {
    try (DataDirLock held = DataDirLock.acquire(dir)) {
      Files.writeString(dir.resolve(DataDirLock.FILE), "");
      DataDirLock.InUseException e =
          assertThrows(DataDirLock.InUseException.class, () -> DataDirLock.acquire(dir));
      assertTrue(e.getMessage().contains("(it is starting: its LOCK file does not name it yet)"),
          e.getMessage());
    }
  }
}
