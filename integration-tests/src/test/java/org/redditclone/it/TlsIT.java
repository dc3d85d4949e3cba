package org.redditclone.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    procs.script("start-engine.sh", "--registry", procs.registry(), "--embedded-registry", "--tls", tls.toString(),
        "--password-cost", "1000", "--data-dir", procs.home().resolve("data").toString(), "--heap", "256m").assertOk();

    List<String> lines = procs.cli("register alice pw\nlogin alice pw\ncreate-sub tls \"private\"\npost tls \"Over TLS\" body\n",
        "--tls", tls.toString()).assertOk().lines();
    assertTrue(lines.get(lines.size() - 1).contains("title=\"Over TLS\"") || lines.get(lines.size() - 1).contains("Over TLS"),
        lines.toString());

    // no TLS at all: the engine's socket speaks only TLS
    RealProcesses.Result plain = procs.cli(null, "karma", "alice");
    assertEquals(3, plain.exitCode(), plain.toString());

    // TLS, trusting the engine, but with a self-made certificate the CA never signed
    Path stranger = procs.home().resolve("stranger");
    Files.createDirectories(stranger);
    Files.copy(tls.resolve("truststore.p12"), stranger.resolve("truststore.p12"));
    Files.copy(tls.resolve("password"), stranger.resolve("password"));
    String pw = Files.readString(tls.resolve("password")).trim();
    Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "client", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=redditclone client", "-validity", "2",
        "-keystore", stranger.resolve("client.p12").toString(), "-storetype", "PKCS12", "-storepass", pw)
        .redirectErrorStream(true).start();
    keytool.getInputStream().readAllBytes();
    assertEquals(0, keytool.waitFor());
    RealProcesses.Result untrusted = procs.cli(null, "--tls", stranger.toString(), "karma", "alice");
    assertEquals(3, untrusted.exitCode(), untrusted.toString());

    // the trusted client still works after both were turned away
    RealProcesses.Result trusted = procs.cli(null, "--tls", tls.toString(), "karma", "alice");
    assertEquals(0, trusted.exitCode(), trusted.toString());
    assertTrue(trusted.stdout().contains("user=alice"), trusted.stdout());
  }
}
