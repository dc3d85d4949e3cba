package org.redditclone.client.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidClassException;
import java.net.SocketException;
import java.rmi.ConnectException;
import java.rmi.ConnectIOException;
import java.rmi.MarshalException;
import java.rmi.NoSuchObjectException;
import java.rmi.RemoteException;
import java.rmi.ServerError;
import java.rmi.UnknownHostException;
import java.rmi.UnmarshalException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redditclone.api.NotFoundException;
import org.redditclone.api.StorageFailedException;

final class CallFailureTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new NotFoundException("post 7 does not exist"), CallFailure.REFUSED),
        // The engine's journal failed: the change was not made, and no retry of this engine makes it.
        Arguments.of(new StorageFailedException("the engine's journal failed: No space left on device"
            + "; this change was not made"), CallFailure.REFUSED),
        Arguments.of(new ConnectException("refused", new java.net.ConnectException()), CallFailure.NOT_CONNECTED),
        Arguments.of(new ConnectIOException("handshake", new SSLHandshakeException("bad cert")), CallFailure.NOT_CONNECTED),
        Arguments.of(new UnknownHostException("no such host"), CallFailure.NOT_CONNECTED),
        Arguments.of(new NoSuchObjectException("no such object in table"), CallFailure.STALE_STUB),
        Arguments.of(new UnmarshalException("reply", new EOFException()), CallFailure.DROPPED),
        Arguments.of(new UnmarshalException("reply", new SocketException("reset")), CallFailure.DROPPED),
        Arguments.of(new MarshalException("args", new SocketException("broken pipe")), CallFailure.DROPPED),
        Arguments.of(new UnmarshalException("reply", new InvalidClassException("filter status: REJECTED")), CallFailure.OTHER),
        Arguments.of(new MarshalException("args", new IOException("other")), CallFailure.OTHER),
        Arguments.of(new ServerError("engine", new Error("boom")), CallFailure.OTHER),
        Arguments.of(new RemoteException("plain"), CallFailure.OTHER),
        Arguments.of(new IllegalStateException("a bug"), CallFailure.OTHER));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void eachFailureHasOneKind(Throwable failure, CallFailure expected) {
    assertEquals(expected, CallFailure.of(failure));
  }

  @Test
  void unreachableMeansNothingWasApplied_droppedMayHaveBeen() {
    assertTrue(CallFailure.NOT_CONNECTED.unreachable());
    assertTrue(CallFailure.STALE_STUB.unreachable());
    assertFalse(CallFailure.DROPPED.unreachable());
    assertFalse(CallFailure.REFUSED.unreachable());
    assertFalse(CallFailure.OTHER.unreachable());
  }

  @Test
  void aLostConnectionIsUnreachableOrDropped_neverARefusalOrOther() {
    assertTrue(CallFailure.NOT_CONNECTED.connectionLost());
    assertTrue(CallFailure.STALE_STUB.connectionLost());
    assertTrue(CallFailure.DROPPED.connectionLost());
    assertFalse(CallFailure.REFUSED.connectionLost());
    assertFalse(CallFailure.OTHER.connectionLost());
  }
}
