package org.redditclone.it.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test only: the non-serializable base of the tripwire gadgets. Deserializing a subclass runs this
 * constructor on the receiving side, so an instance made there always leaves a marker file, even
 * if its readObject never runs.
 *
 * <p>A JVM marks only when started with {@code -Dredditclone.tripwire.dir=DIR}: the engine and
 * registry under attack are; the attacker, which makes tripwires to send them, is not. The IT
 * puts these classes (and only these) on the attacked JVMs' boot class path
 * ({@code -Xbootclasspath/a}), standing in for a gadget on the engine's class path, so only the
 * filters stand between them and instantiation. They must not use any other test class.
 */
public class TripwireBase {

  static {
    mark("class-initialized");
  }

  public TripwireBase() {
    mark("constructed");
  }

  /** Writes DIR/WHAT-PID if this JVM has a tripwire folder. */
  static void mark(String what) {
    String dir = System.getProperty("redditclone.tripwire.dir");
    if (dir == null) {
      return;
    }
    try {
      Files.writeString(Path.of(dir, what + "-" + ProcessHandle.current().pid()), what + "\n");
    } catch (IOException e) {
      throw new IllegalStateException("tripwire could not write its marker", e);
    }
  }
}
