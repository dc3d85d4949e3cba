package org.redditclone.engine.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.rmi.server.RemoteObjectInvocationHandler;
import javax.management.remote.rmi.RMIConnectionImpl_Stub;
import org.junit.jupiter.api.Test;
import org.redditclone.rmi.SerialFilters;

/** The limits of the filters on handcrafted streams, and the registry filter's agreement with policy/. */
final class FilterLimitsTest {

  private static byte[] serialize(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  private static Object read(byte[] stream, ObjectInputFilter filter) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
      in.setObjectInputFilter(filter);
      return in.readObject();
    }
  }

  @Test
  void anArrayThatClaimsTwoBillionElements_isRejectedBeforeAnyAllocation() throws Exception {
    byte[] stream = serialize(new long[] {7, 7, 7});
    // The length is the 4 bytes before the first element: 00 00 00 03 -> 7F FF FF FF.
    int at = stream.length - 3 * 8 - 4;
    assertEquals(3, stream[at + 3]);
    stream[at] = 0x7F;
    stream[at + 1] = (byte) 0xFF;
    stream[at + 2] = (byte) 0xFF;
    stream[at + 3] = (byte) 0xFF;
    long before = Runtime.getRuntime().totalMemory();
    InvalidClassException e = assertThrows(InvalidClassException.class, () -> read(stream, SerialFilters.serviceFilter()));
    assertTrue(e.getMessage().contains("REJECTED"), e.getMessage());
    assertTrue(Runtime.getRuntime().totalMemory() - before < 1_000_000_000L, "16 GB were not allocated");
  }

  @Test
  void serviceFilter_rejectsDepthReferencesAndGadgets_beforeConstruction() throws Exception {
    HostileCalls.CREATED.set(0);
    byte[] gadget = serialize(new HostileCalls.Tripwire());
    HostileCalls.CREATED.set(0);
    assertThrows(InvalidClassException.class, () -> read(gadget, SerialFilters.serviceFilter()));
    assertThrows(InvalidClassException.class, () -> read(serialize(HostileCalls.nested(21)), SerialFilters.serviceFilter()));
    assertEquals(20, ((Object[]) read(serialize(HostileCalls.nested(19)), SerialFilters.serviceFilter())).length * 20);
    assertThrows(InvalidClassException.class,
        () -> read(serialize(HostileCalls.manyReferences(10_001)), SerialFilters.serviceFilter()));
    assertEquals(0, HostileCalls.CREATED.get());
    assertEquals(0, HostileCalls.READ.get());
  }

  @Test
  void registryFilter_admitsAStubsParts_butNoOtherRemoteClass() throws Exception {
    ObjectInputFilter registry = ObjectInputFilter.Config.createFilter(SerialFilters.REGISTRY_PATTERN);
    HostileCalls.CREATED.set(0);
    byte[] remoteGadget = serialize(new HostileCalls.RemoteTripwire());
    HostileCalls.CREATED.set(0);
    assertThrows(InvalidClassException.class, () -> read(remoteGadget, registry));
    assertEquals(0, HostileCalls.CREATED.get());
    // A JDK class that is Remote and Serializable: the built-in registry filter would admit it.
    assertEquals(ObjectInputFilter.Status.REJECTED, registry.checkInput(info(RMIConnectionImpl_Stub.class)));
    assertEquals(ObjectInputFilter.Status.ALLOWED, registry.checkInput(info(RemoteObjectInvocationHandler.class)));
    assertEquals(ObjectInputFilter.Status.ALLOWED, registry.checkInput(info(String.class)));
  }

  @Test
  void registryFilter_isTheSameInPolicyAndInCode() throws Exception {
    Path policy = Path.of("..", "policy", "serial-filters.security");
    Properties p = new Properties();
    try (var in = Files.newInputStream(policy)) {
      p.load(in);
    }
    assertEquals(SerialFilters.REGISTRY_PATTERN, p.getProperty(SerialFilters.REGISTRY_FILTER_PROPERTY));
  }

  private static ObjectInputFilter.FilterInfo info(Class<?> type) {
    return new ObjectInputFilter.FilterInfo() {
      @Override
      public Class<?> serialClass() {
        return type;
      }

      @Override
      public long arrayLength() {
        return -1;
      }

      @Override
      public long depth() {
        return 1;
      }

      @Override
      public long references() {
        return 1;
      }

      @Override
      public long streamBytes() {
        return 100;
      }
    };
  }
}
