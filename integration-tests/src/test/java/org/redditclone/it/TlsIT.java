package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TLS with client certificates end to end: keys from scripts/make-certs.sh, an engine started
 * with --tls, the CLI over TLS; a client without TLS, and one whose certificate the engine's CA
 * did not sign, are refused.
 */
final class TlsIT {

  private RealProcesses procs;

  @AfterEach
  void stop() {
    if (procs != null) {
      procs.close();
    }
  }

  @Test
  void theCliWorksOverTls_andClientsWithoutATrustedCertificateAreRefused() throws Exception {
    procs = RealProcesses.create();
    Path tls = procs.home().resolve("tls");
    procs.script("make-certs.sh", "--dir", tls.toString()).assertOk();
    for (String file : List.of("ca.p12", "engine.p12", "client.p12", "truststore.p12", "password")) {
      assertTrue(Files.exists(tls.resolve(file)), file);
    }
    // A certificate the CA never signed, made while the engine starts (each keytool is a JVM start).
    Path stranger = procs.home().resolve("stranger");
    Files.createDirectories(stranger);
    Files.copy(tls.resolve("truststore.p12"), stranger.resolve("truststore.p12"));
    Files.copy(tls.resolve("password"), stranger.resolve("password"));
    String pw = Files.readString(tls.resolve("password")).trim();
    Process keytool = new ProcessBuilder("keytool", "-J-XX:TieredStopAtLevel=1", "-genkeypair", "-alias", "client",
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=redditclone client", "-validity", "2",
        "-keystore", stranger.resolve("client.p12").toString(), "-storetype", "PKCS12", "-storepass", pw)
        .redirectErrorStream(true).redirectOutput(procs.home().resolve("stranger-keytool.out").toFile()).start();
    try {
      procs.script("start-engine.sh", "--registry", procs.registry(), "--embedded-registry", "--tls", tls.toString(),
          "--password-cost", "1000", "--data-dir", procs.home().resolve("data").toString(), "--heap", "256m").assertOk();
      assertTrue(keytool.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
    } finally {
      keytool.destroyForcibly();
    }
    assertEquals(0, keytool.exitValue(), Files.readString(procs.home().resolve("stranger-keytool.out")));

    List<String> lines = procs.cli("register alice pw\nlogin alice pw\ncreate-sub tls \"private\"\npost tls \"Over TLS\" body\n",
        "--tls", tls.toString()).assertOk().lines();
    assertTrue(lines.get(lines.size() - 1).contains("title=\"Over TLS\"") || lines.get(lines.size() - 1).contains("Over TLS"),
        lines.toString());

    // Two clients turned away, at the same time: one without TLS at all (the engine's socket
    // speaks only TLS), one with TLS, trusting the engine, but with a certificate the CA never signed.
    CompletableFuture<RealProcesses.Result> plain = CompletableFuture.supplyAsync(() -> cli(null, "karma", "alice"));
    CompletableFuture<RealProcesses.Result> untrusted =
        CompletableFuture.supplyAsync(() -> cli(null, "--tls", stranger.toString(), "karma", "alice"));
    assertEquals(3, plain.join().exitCode(), plain.join().toString());
    assertEquals(3, untrusted.join().exitCode(), untrusted.join().toString());

    // the trusted client still works after both were turned away
    RealProcesses.Result trusted = procs.cli(null, "--tls", tls.toString(), "karma", "alice");
    assertEquals(0, trusted.exitCode(), trusted.toString());
    assertTrue(trusted.stdout().contains("user=alice"), trusted.stdout());
  }

  private RealProcesses.Result cli(String stdin, String... args) {
    try {
      return procs.cli(stdin, args);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
