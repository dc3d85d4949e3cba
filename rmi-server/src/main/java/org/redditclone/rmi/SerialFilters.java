package org.redditclone.rmi;

import java.io.ObjectInputFilter;
import java.security.Security;

/**
 * The JEP 290 allow-lists for what clients may send to the exported objects of the contract (the
 * engine's services, the run coordinator) and to a registry.
 *
 * <p>Arguments of the contract are strings, numbers, enums and the records of
 * {@code org.redditclone.api}; nothing else has a reason to arrive, so everything else is
 * rejected before it is instantiated (no gadget chains). Limits keep a hostile stream from using
 * up memory: for the engine's services depth 20, 10,000 references, arrays of 100,000, 1 MiB in
 * all; the coordinator takes larger arrays (a part of an uploaded file, {@code
 * FileChunk.MAX_BYTES}) within the same cap on a call's size.
 */
public final class SerialFilters {

  /**
   * What the records of the contract are made of, for both servers: the records themselves,
   * strings, numbers, enums and the lists they hold. CollSer and ArrayList check their Object[] (as
   * java.lang.Object) before reading; Object is not Serializable, so allowing the name admits those
   * arrays and nothing else. Primitive arrays pass the class check undecided; each filter's
   * maxarray and maxbytes bound them.
   */
  private static final String CONTRACT = String.join(";",
      "org.redditclone.api.*",
      "java.lang.String",
      "java.lang.Enum",
      "java.lang.Number",
      "java.lang.Long",
      "java.lang.Integer",
      "java.util.ImmutableCollections$*",
      "java.util.CollSer",
      "java.util.ArrayList",
      "java.lang.Object");

  /** The pattern of the per-object filter; see {@link ObjectInputFilter.Config#createFilter}. */
  public static final String SERVICE_PATTERN = String.join(";",
      "maxdepth=20",
      "maxrefs=10000",
      "maxarray=100000",
      "maxbytes=1048576",
      CONTRACT,
      "java.lang.Boolean",
      "java.util.HashMap",
      "java.util.TreeMap",
      "java.util.Collections$*",
      "java.util.Map$Entry", // HashMap checks its Map$Entry[] before reading, as lists their Object[]
      "!*");

  /**
   * The pattern of the run coordinator's per-object filter: the contract's records (reports with
   * compressed histograms as byte arrays, parts of files of at most 256 KiB), strings, numbers and
   * the immutable lists the records hold; nothing else.
   */
  public static final String COORDINATOR_PATTERN = String.join(";",
      "maxdepth=10",
      "maxrefs=50000",
      "maxarray=262144",
      "maxbytes=2000000",
      CONTRACT,
      "!*");

  /**
   * The pattern of the registry filter ({@code sun.rmi.registry.registryFilter}): only what a bound
   * stub is made of. A pattern that decides nothing leaves the JDK's built-in registry filter in
   * charge, and that one admits every {@code Remote} class on the class path; this one ends in
   * {@code !*}, so it decides every class and nothing else gets through.
   */
  public static final String REGISTRY_PATTERN = String.join(";",
      "maxdepth=20",
      "maxrefs=1000",
      "maxarray=10000",
      "maxbytes=100000",
      "java.lang.String",
      "java.lang.Number",
      "java.lang.Integer",
      "java.lang.Long",
      // a stub: a dynamic proxy implementing contract interfaces, its handler and the ref's parts
      "java.lang.reflect.Proxy",
      "jdk.proxy*",
      "org.redditclone.api.*",
      "java.rmi.Remote",
      "java.rmi.server.RemoteObjectInvocationHandler",
      "java.rmi.server.RemoteObject",
      "java.rmi.server.UID",
      "javax.rmi.ssl.SslRMIClientSocketFactory",
      "!*");

  /** The system and security property the JDK's registry reads its filter from. */
  public static final String REGISTRY_FILTER_PROPERTY = "sun.rmi.registry.registryFilter";

  private SerialFilters() {}

  /**
   * Makes {@link #REGISTRY_PATTERN} the filter of a registry created in this JVM, unless a filter
   * is configured already (policy/serial-filters.security or {@code -D}). The JDK reads the
   * property once, when the first registry is created, so call this before that.
   *
   * @return whether this call set the property
   */
  public static boolean installRegistryFilter() {
    if (System.getProperty(REGISTRY_FILTER_PROPERTY) != null
        || Security.getProperty(REGISTRY_FILTER_PROPERTY) != null) {
      return false;
    }
    System.setProperty(REGISTRY_FILTER_PROPERTY, REGISTRY_PATTERN);
    return true;
  }

  /** Returns a new filter for {@link #SERVICE_PATTERN}. */
  public static ObjectInputFilter serviceFilter() {
    return ObjectInputFilter.Config.createFilter(SERVICE_PATTERN);
  }

  /** Returns a new filter for {@link #COORDINATOR_PATTERN}. */
  public static ObjectInputFilter coordinatorFilter() {
    return ObjectInputFilter.Config.createFilter(COORDINATOR_PATTERN);
  }
}
