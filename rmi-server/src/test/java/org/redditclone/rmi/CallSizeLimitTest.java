package org.redditclone.rmi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class CallSizeLimitTest {

  private ServerSocket server;
  private Socket client;
  private Socket accepted;

  @BeforeEach
  void connect() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    server = new BindAddressServerSocketFactory(loopback).createServerSocket(0);
    client = new Socket(loopback, server.getLocalPort());
    accepted = server.accept();
  }

  @AfterEach
  void close() throws IOException {
    for (AutoCloseable c : new AutoCloseable[] {client, accepted, server}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // closing what is left
      }
    }
  }

  @Test
  void aReplyWrittenInRmisChunks_leavesWhole_atTheFlush() throws IOException {
    assertInstanceOf(CallSizeLimit.class, accepted);
    byte[] reply = new byte[3 * 8192 + 100]; // a large comment tree, as RMI's 8 KB buffer hands it on
    new Random(1).nextBytes(reply);
    OutputStream out = accepted.getOutputStream();
    for (int off = 0; off < reply.length; off += 8192) {
      out.write(reply, off, Math.min(8192, reply.length - off));
    }
    InputStream in = client.getInputStream();
    client.setSoTimeout(200);
    assertThrows(SocketTimeoutException.class, in::read, "nothing leaves before the flush");
    out.flush();
    client.setSoTimeout(10_000);
    assertArrayEquals(reply, in.readNBytes(reply.length));
  }

  @Test
  void readsOverTheLimitBetweenTwoWrites_failTheConnection_andAWriteStartsTheCountAgain()
      throws IOException {
    OutputStream toEngine = client.getOutputStream();
    InputStream engineIn = accepted.getInputStream();
    byte[] chunk = new byte[64 * 1024];
    int justUnder = CallSizeLimit.MAX_CALL_BYTES / chunk.length;
    for (int i = 0; i < justUnder; i++) {
      toEngine.write(chunk);
      engineIn.readNBytes(chunk.length);
    }
    accepted.getOutputStream().write(1); // the reply: the next call starts counting from zero
    accepted.getOutputStream().flush();
    for (int i = 0; i < justUnder; i++) {
      toEngine.write(chunk);
      engineIn.readNBytes(chunk.length);
    }
    toEngine.write(chunk);
    IOException e = assertThrows(IOException.class, () -> engineIn.readNBytes(chunk.length));
    assertTrue(e.getMessage().contains("is over " + CallSizeLimit.MAX_CALL_BYTES + " bytes"),
        e.getMessage());
  }
}
