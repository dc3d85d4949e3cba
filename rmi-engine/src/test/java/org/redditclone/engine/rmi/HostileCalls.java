package org.redditclone.engine.rmi;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutput;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.rmi.Remote;
import java.rmi.registry.Registry;
import java.rmi.server.Operation;
import java.rmi.server.RemoteCall;
import java.rmi.server.RemoteObject;
import java.rmi.server.RemoteRef;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends what a well-behaved stub never would: any object in any argument slot of a remote method
 * or of the registry's {@code bind}, through the public {@link RemoteRef} API.
 *
 * <p>A stub's proxy checks argument types, but {@link RemoteRef#invoke(Remote, Method, Object[],
 * long)} writes each argument with {@code writeObject} whatever its class, under the hash of the
 * real method, so the server reads the hostile object where it expects an enum or a string. The
 * registry's skeleton is numbered: {@link RemoteRef#newCall} with operation 0 (bind) and the
 * registry's interface hash lets the test write any two objects as bind's arguments.
 */
public final class HostileCalls {

  /** sun.rmi.registry.RegistryImpl_Stub's interface hash (the 1.1 stub protocol). */
  private static final long REGISTRY_INTERFACE_HASH = 4905912898345647071L;
  private static final Operation[] REGISTRY_OPERATIONS = {
      new Operation("void bind(java.lang.String, java.rmi.Remote)"),
      new Operation("java.lang.String list()[]"),
      new Operation("java.rmi.Remote lookup(java.lang.String)"),
      new Operation("void rebind(java.lang.String, java.rmi.Remote)"),
      new Operation("void unbind(java.lang.String)")};

  private HostileCalls() {}

  /** Calls {@code method} on {@code stub} with {@code args} as they are, unchecked. */
  public static Object invoke(Remote stub, Method method, Object... args) throws Exception {
    RemoteRef ref = ((RemoteObject) Proxy.getInvocationHandler(stub)).getRef();
    return ref.invoke(stub, method, args, methodHash(method));
  }

  /** Calls the registry's bind with {@code name} and {@code value}, whatever {@code value} is. */
  @SuppressWarnings("deprecation") // the registry speaks only the old numbered stub protocol
  public static void registryBind(Registry registry, String name, Object value) throws Exception {
    RemoteRef ref = ((RemoteObject) registry).getRef();
    RemoteCall call = ref.newCall((RemoteObject) registry, REGISTRY_OPERATIONS, 0, REGISTRY_INTERFACE_HASH);
    ObjectOutput out = call.getOutputStream();
    out.writeObject(name);
    out.writeObject(value);
    ref.invoke(call);
    ref.done(call);
  }

  /** Returns RMI's hash of a method: the first 8 bytes of SHA-1 over its name and descriptor, little-endian. */
  public static long methodHash(Method method) throws IOException {
    StringBuilder signature = new StringBuilder(method.getName()).append('(');
    for (Class<?> type : method.getParameterTypes()) {
      signature.append(descriptor(type));
    }
    signature.append(')').append(descriptor(method.getReturnType()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(signature.toString());
    }
    try {
      byte[] sha = MessageDigest.getInstance("SHA-1").digest(bytes.toByteArray());
      long hash = 0;
      for (int i = 0; i < 8; i++) {
        hash += (long) (sha[i] & 0xFF) << (i * 8);
      }
      return hash;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String descriptor(Class<?> type) {
    if (type.isArray()) {
      return "[" + descriptor(type.getComponentType());
    }
    if (type.isPrimitive()) {
      return switch (type.getName()) {
        case "int" -> "I";
        case "long" -> "J";
        case "boolean" -> "Z";
        case "byte" -> "B";
        case "char" -> "C";
        case "short" -> "S";
        case "float" -> "F";
        case "double" -> "D";
        default -> "V";
      };
    }
    return "L" + type.getName().replace('.', '/') + ";";
  }

  /** Returns an Object[] nested {@code depth} levels deep. */
  public static Object[] nested(int depth) {
    Object[] root = new Object[1];
    Object[] at = root;
    for (int i = 1; i < depth; i++) {
      Object[] next = new Object[1];
      at[0] = next;
      at = next;
    }
    return root;
  }

  /** Returns a list of {@code n} distinct objects, each one more back-reference for the filter. */
  public static List<Object> manyReferences(int n) {
    List<Object> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(Long.valueOf(1_000_000L + i));
    }
    return list;
  }

  /** Counts every construction of a tripwire, whichever side it happens on. */
  public static final AtomicInteger CREATED = new AtomicInteger();
  /** Counts every readObject of a tripwire: it can only happen on the receiving side. */
  public static final AtomicInteger READ = new AtomicInteger();

  /**
   * Not serializable: deserializing a subclass runs this constructor, so a tripwire that is
   * instantiated on the receiving side always counts, even if its readObject never runs.
   */
  public static class TripwireBase {
    public TripwireBase() {
      CREATED.incrementAndGet();
    }
  }

  /** A class outside every allow-list, standing in for a gadget on the engine's class path. */
  public static final class Tripwire extends TripwireBase implements Serializable {
    private static final long serialVersionUID = 1L;
    final String payload = "would run code here";

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      READ.incrementAndGet();
      in.defaultReadObject();
    }
  }

  /** A gadget that is also Remote: the JDK's built-in registry filter admits any Remote class. */
  public static final class RemoteTripwire extends TripwireBase implements Remote, Serializable {
    private static final long serialVersionUID = 1L;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      READ.incrementAndGet();
      in.defaultReadObject();
    }
  }
}
