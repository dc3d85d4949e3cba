package org.redditclone.it.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.Remote;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.Operation;
import java.rmi.server.RemoteCall;
import java.rmi.server.RemoteObject;
import java.rmi.server.RemoteRef;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Test only: the attacker JVM of {@code HostileRegistryAndEngineIT}. Sends what a well-behaved stub
 * never would, through the public {@link RemoteRef} API, to a registry and an engine started by
 * the scripts as other processes, and prints one line per call and a summary.
 *
 * <p>Run with integration-tests' test classes and rmi-api.jar on the class path (it knows the
 * contract only by reflection, so it needs no compile-time dependency and follows the interfaces
 * as they change: every method of every bound service, every non-primitive argument slot).
 *
 * <pre>
 *   HostileClient registry HOST PORT   hostile binds into the registry
 *   HostileClient engine HOST PORT     every payload into every object argument slot of every service
 *   HostileClient dgc HOST PORT        payloads into the distributed GC's dirty call, on a JVM's RMI port
 *   HostileClient control              proves the tripwire marks when it IS deserialized (no filter)
 * </pre>
 *
 * <p>Exit 0 when every hostile call was refused, none hit an unknown class and none an unknown
 * method hash (which would mean this client's rmi-api is not the engine's); 1 otherwise.
 * The same technique as rmi-engine's HostileCalls (duplicated here on purpose: this module has no
 * dependency on rmi-engine); it is JDK-only code.
 */
public final class HostileClient {

  /** sun.rmi.registry.RegistryImpl_Stub's interface hash (the 1.1 stub protocol). */
  private static final long REGISTRY_INTERFACE_HASH = 4905912898345647071L;
  private static final Operation[] REGISTRY_OPERATIONS = {
      new Operation("void bind(java.lang.String, java.rmi.Remote)"),
      new Operation("java.lang.String list()[]"),
      new Operation("java.rmi.Remote lookup(java.lang.String)"),
      new Operation("void rebind(java.lang.String, java.rmi.Remote)"),
      new Operation("void unbind(java.lang.String)")};

  private final Map<String, Integer> evidence = new TreeMap<>();
  private int tried;
  private int accepted;
  private int classNotFound;

  private HostileClient() {}

  public static void main(String[] args) throws Exception {
    HostileClient client = new HostileClient();
    switch (args.length > 0 ? args[0] : "") {
      case "registry" -> client.attackRegistry(args[1], Integer.parseInt(args[2]));
      case "engine" -> client.attackEngine(args[1], Integer.parseInt(args[2]));
      case "dgc" -> client.attackDgc(args[1], Integer.parseInt(args[2]));
      case "control" -> {
        control();
        return;
      }
      default -> {
        System.err.println("usage: HostileClient registry|engine HOST PORT | control");
        System.exit(2);
      }
    }
    System.exit(client.accepted == 0 && client.classNotFound == 0 ? 0 : 1);
  }

  /** The payloads; each made fresh per call. */
  static Map<String, Supplier<Object>> payloads(boolean registry) {
    Map<String, Supplier<Object>> p = new LinkedHashMap<>();
    p.put("class outside the allow-list", Tripwire::new);
    if (registry) {
      p.put("Remote class outside the allow-list", RemoteTripwire::new);
    }
    p.put("allowed container holding a gadget", () -> new ArrayList<>(List.of("ok", new Tripwire())));
    p.put("graph 25 deep", () -> nested(25, null));
    p.put("graph 25 deep ending in a gadget", () -> nested(25, new Tripwire()));
    p.put("array of 100,001", () -> new boolean[100_001]);
    p.put("12,000 references", () -> {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < 12_000; i++) {
        list.add(Long.valueOf(1_000_000L + i));
      }
      return list;
    });
    p.put("1.2 MB string followed by an object", () -> new Object[] {"s".repeat(1_200_000), new Object[0]});
    p.put("3 MB string", () -> "s".repeat(3_000_000));
    return p;
  }

  private void attackRegistry(String host, int port) throws Exception {
    Registry registry = LocateRegistry.getRegistry(host, port);
    List<String> before = sorted(registry.list());
    for (Map.Entry<String, Supplier<Object>> payload : payloads(true).entrySet()) {
      Object value = payload.getValue().get();
      record("registry.bind", payload.getKey(), () -> registryBind(registry, "hostile", value));
    }
    List<String> after = sorted(LocateRegistry.getRegistry(host, port).list());
    System.out.println("BOUND before=" + before + " after=" + after);
    if (!before.equals(after)) {
      accepted++;
      System.out.println("FAIL the registry's bindings changed");
    }
    summary("registry", -1);
  }

  private void attackEngine(String host, int port) throws Exception {
    Registry registry = LocateRegistry.getRegistry(host, port);
    int slots = 0;
    Method ping = null;
    Remote pingStub = null;
    for (String name : sorted(registry.list())) {
      Remote stub = registry.lookup(name);
      for (Method method : remoteMethods(stub)) {
        if (method.getName().equals("ping") && method.getParameterCount() == 0) {
          ping = method;
          pingStub = stub;
        }
        Class<?>[] types = method.getParameterTypes();
        for (int slot = 0; slot < types.length; slot++) {
          if (types[slot].isPrimitive()) {
            continue; // read as raw data, never as an object
          }
          slots++;
          for (Map.Entry<String, Supplier<Object>> payload : payloads(false).entrySet()) {
            Object[] args = filler(types);
            args[slot] = payload.getValue().get();
            record(name + "." + method.getName() + "#" + slot + "(" + types[slot].getSimpleName() + ")",
                payload.getKey(), () -> invoke(stub, method, args));
          }
        }
      }
    }
    if (ping != null) {
      ping.invoke(pingStub); // the engine still answers this client, over a fresh connection
      System.out.println("STILL SERVING ping answered");
    }
    summary("engine", slots);
  }

  /**
   * The distributed GC answers on every RMI port of a JVM, before any object of ours is involved,
   * and reads {@code dirty(ObjID[] ids, long sequence, Lease lease)} with its own filter
   * (policy/'s {@code sun.rmi.transport.dgcFilter} limits, then the JDK's list: ObjID, UID, VMID,
   * Lease). The calls are written by hand in JRMP, since the DGC's stub is internal to the JDK.
   */
  private void attackDgc(String host, int port) {
    Map<String, Object[]> payloads = new LinkedHashMap<>();
    payloads.put("class outside the allow-list as ids", new Object[] {new Tripwire(), null});
    payloads.put("class outside the allow-list as lease", new Object[] {new java.rmi.server.ObjID[0], new Tripwire()});
    payloads.put("allowed container holding a gadget", new Object[] {new ArrayList<>(List.of(new Tripwire())), null});
    payloads.put("graph 25 deep", new Object[] {nested(25, null), null});
    payloads.put("ObjID array of 100,001", new Object[] {new java.rmi.server.ObjID[100_001], null});
    payloads.put("3 MB string", new Object[] {"s".repeat(3_000_000), null});
    for (Map.Entry<String, Object[]> payload : payloads.entrySet()) {
      record("dgc.dirty@" + port, payload.getKey(), () -> dgcDirty(host, port, payload.getValue()[0], payload.getValue()[1]));
    }
    summary("dgc", -1);
  }

  /** DGCImpl_Skel's interface hash, and dirty's operation number. */
  private static final long DGC_INTERFACE_HASH = -669196253586618813L;
  private static final int DGC_DIRTY = 1;

  /** One JRMP connection, one DGC dirty call with {@code ids} and {@code lease} as they are; throws what came back. */
  private static void dgcDirty(String host, int port, Object ids, Object lease) throws Exception {
    try (java.net.Socket socket = new java.net.Socket(host, port)) {
      socket.setSoTimeout(60_000);
      java.io.DataOutputStream out = new java.io.DataOutputStream(
          new java.io.BufferedOutputStream(socket.getOutputStream()));
      java.io.DataInputStream in = new java.io.DataInputStream(
          new java.io.BufferedInputStream(socket.getInputStream()));
      out.writeInt(0x4a524d49); // "JRMI"
      out.writeShort(2);
      out.writeByte(0x4b); // stream protocol
      out.flush();
      if (in.readByte() != 0x4e) { // protocol ack
        throw new IOException("no JRMP protocol ack");
      }
      in.readUTF();
      in.readInt();
      out.writeUTF(socket.getLocalAddress().getHostAddress());
      out.writeInt(0);
      out.writeByte(0x50); // call
      ObjectOutputStream call = new ObjectOutputStream(out) {
        @Override
        protected void annotateClass(Class<?> cl) throws IOException {
          writeObject(null); // RMI's codebase annotation: none
        }

        @Override
        protected void annotateProxyClass(Class<?> cl) throws IOException {
          writeObject(null);
        }
      };
      new java.rmi.server.ObjID(java.rmi.server.ObjID.DGC_ID).write(call);
      call.writeInt(DGC_DIRTY);
      call.writeLong(DGC_INTERFACE_HASH);
      call.writeObject(ids);
      call.writeLong(1);
      call.writeObject(lease);
      call.flush();
      if (in.readByte() != 0x51) { // return
        throw new IOException("no JRMP return");
      }
      ObjectInputStream result = new ObjectInputStream(in); // skips the codebase annotations
      byte kind = result.readByte();
      java.rmi.server.UID.read(result);
      Object value = result.readObject();
      if (kind != 1 && value instanceof Exception e) {
        throw e;
      }
      if (kind != 1) {
        throw new IOException("exceptional return: " + value);
      }
    }
  }

  private interface Call {
    void run() throws Exception;
  }

  private void record(String where, String payload, Call call) {
    tried++;
    String verdict;
    String chain = "";
    try {
      call.run();
      accepted++;
      verdict = "ACCEPTED";
    } catch (Throwable e) {
      chain = chain(e);
      if (chain.contains("unrecognized method hash")) {
        classNotFound++; // this client's rmi-api differs from the engine's: the call proves nothing
        verdict = "unknown-method";
      } else if (chain.contains("ClassNotFoundException") && chain.contains("Tripwire")) {
        classNotFound++;
        verdict = "class-not-found";
      } else if (chain.contains("REJECTED")) {
        verdict = "filter-rejected";
      } else if (chain.contains("Broken pipe") || chain.contains("Connection reset") || chain.contains("connection")
          || chain.contains("bytes") || chain.contains("EOFException")) {
        verdict = "connection-closed";
      } else {
        verdict = "refused-by-type";
      }
    }
    evidence.merge(verdict, 1, Integer::sum);
    System.out.println("CALL " + where + " | " + payload + " | " + verdict + " | "
        + (chain.length() > 240 ? chain.substring(0, 240) + "..." : chain));
  }

  private void summary(String target, int slots) {
    System.out.println("SUMMARY target=" + target + " tried=" + tried + " refused=" + (tried - accepted)
        + " accepted=" + accepted + " classNotFound=" + classNotFound + " slots=" + slots + " " + evidence);
  }

  /** Deserializes a tripwire with no filter in a JVM set up like the attacked ones: it must mark. */
  private static void control() throws Exception {
    Path dir = Path.of(System.getProperty("redditclone.tripwire.dir"));
    System.out.println("CONTROL loader=" + (Tripwire.class.getClassLoader() == null ? "boot" : "app"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new Tripwire());
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      in.readObject();
    }
    try (Stream<Path> files = Files.list(dir)) {
      System.out.println("CONTROL marks=" + files.map(f -> f.getFileName().toString().replaceAll("-\\d+$", ""))
          .sorted().toList());
    }
  }

  private static List<Method> remoteMethods(Remote stub) {
    Map<String, Method> methods = new TreeMap<>();
    for (Class<?> api : stub.getClass().getInterfaces()) {
      if (Remote.class.isAssignableFrom(api) && api != Remote.class) {
        for (Method m : api.getMethods()) {
          methods.putIfAbsent(m.getName() + Arrays.toString(m.getParameterTypes()), m);
        }
      }
    }
    return List.copyOf(methods.values());
  }

  /** Calls {@code method} on {@code stub} with {@code args} as they are, unchecked, under its real hash. */
  static Object invoke(Remote stub, Method method, Object... args) throws Exception {
    RemoteRef ref = ((RemoteObject) Proxy.getInvocationHandler(stub)).getRef();
    return ref.invoke(stub, method, args, methodHash(method));
  }

  /** Calls the registry's bind with {@code name} and {@code value}, whatever {@code value} is. */
  @SuppressWarnings("deprecation") // the registry speaks only the old numbered stub protocol
  static void registryBind(Registry registry, String name, Object value) throws Exception {
    RemoteRef ref = ((RemoteObject) registry).getRef();
    RemoteCall call = ref.newCall((RemoteObject) registry, REGISTRY_OPERATIONS, 0, REGISTRY_INTERFACE_HASH);
    ObjectOutput out = call.getOutputStream();
    out.writeObject(name);
    out.writeObject(value);
    ref.invoke(call);
    ref.done(call);
  }

  /** RMI's hash of a method: the first 8 bytes of SHA-1 over its name and descriptor, little-endian. */
  static long methodHash(Method method) throws Exception {
    StringBuilder signature = new StringBuilder(method.getName()).append('(');
    for (Class<?> type : method.getParameterTypes()) {
      signature.append(type.descriptorString());
    }
    signature.append(')').append(method.getReturnType().descriptorString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(signature.toString());
    }
    byte[] sha = MessageDigest.getInstance("SHA-1").digest(bytes.toByteArray());
    long hash = 0;
    for (int i = 0; i < 8; i++) {
      hash += (long) (sha[i] & 0xFF) << (i * 8);
    }
    return hash;
  }

  private static Object[] nested(int depth, Object leaf) {
    Object[] root = new Object[1];
    Object[] at = root;
    for (int i = 1; i < depth; i++) {
      Object[] next = new Object[1];
      at[0] = next;
      at = next;
    }
    at[0] = leaf;
    return root;
  }

  private static Object[] filler(Class<?>[] types) {
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      args[i] = t == int.class ? 10 : t == long.class ? 1L : t == boolean.class ? Boolean.FALSE : null;
    }
    return args;
  }

  private static List<String> sorted(String[] names) {
    return Arrays.stream(names).sorted().toList();
  }

  private static String chain(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      b.append(t).append(" <- ");
    }
    return b.toString().replace('\n', ' ');
  }
}
