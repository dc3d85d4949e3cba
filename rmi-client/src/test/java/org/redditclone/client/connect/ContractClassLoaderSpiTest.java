package org.redditclone.client.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.server.RMIClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.Post;

/** The client's class resolution cache: the same answers as RMI's own, and the filter as strict. */
final class ContractClassLoaderSpiTest {

  @TempDir Path dir;
  private final ClassLoader own = ContractClassLoaderSpi.class.getClassLoader();

  @Test
  void aContractClass_resolvesAsTheDefaultProviderResolvesIt_andIsCachedOnce() throws Exception {
    ContractClassLoaderSpi spi = new ContractClassLoaderSpi();
    String name = Post.class.getName();
    Class<?> expected = RMIClassLoader.getDefaultProviderInstance().loadClass(null, name, own);
    assertSame(expected, spi.loadClass(null, name, own));
    assertSame(expected, spi.loadClass(null, name, own));
    assertEquals(Set.of(name), spi.cachedNames());
  }

  @Test
  void otherClasses_otherLoaders_andCodebases_areNeverCached() throws Exception {
    ContractClassLoaderSpi spi = new ContractClassLoaderSpi();
    assertSame(String.class, spi.loadClass(null, "java.lang.String", own));
    try (URLClassLoader other = new URLClassLoader(new URL[0], own)) {
      assertSame(Post.class, spi.loadClass(null, Post.class.getName(), other));
    }
    assertSame(Post.class, spi.loadClass(null, Post.class.getName(), null));
    assertThrows(ClassNotFoundException.class, () -> spi.loadClass(null, "org.redditclone.api.NoSuchThing", own));
    assertEquals(Set.of(), spi.cachedNames());
  }

  @Test
  void installedWithTheProjectsFilter_readsContractValues_andStillRefusesAClassOutsideTheAllowList()
      throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.security.properties=" + Path.of("..", "policy", "serial-filters.security"),
        "-Djava.rmi.server.RMIClassLoaderSpi=" + ContractClassLoaderSpi.class.getName(),
        "-Djava.rmi.server.hostname=127.0.0.1",
        "--add-opens", "java.rmi/java.rmi.server=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), ContractClassLoaderSpiProbe.class.getName());
    Path log = dir.resolve("probe.log");
    Process probe = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not end:\n" + Files.readString(log));
    } finally {
      probe.destroyForcibly();
    }
    String out = Files.readString(log);
    assertEquals(0, probe.exitValue(), out);
    assertTrue(out.contains("provider=" + ContractClassLoaderSpi.class.getName()), out);
    List<String> lines = out.lines().toList();
    assertEquals(2, lines.stream().filter("post=a title"::equals).count(), out);
    assertEquals(2, lines.stream().filter(l -> l.startsWith("outsider refused: java.rmi.UnmarshalException")
        && l.contains("java.io.InvalidClassException: filter status: REJECTED")).count(), out);
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("outsider read")), out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("cached=") && l.contains("org.redditclone.api.")), out);
  }
}
