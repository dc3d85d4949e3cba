package org.redditclone.engine.rmi;

import java.io.ObjectInputFilter;

/**
 * The JEP 290 allow-list for what clients may send to an exported service object.
 *
 * <p>Arguments of the contract are strings, numbers, enums and the records of
 * {@code org.redditclone.api}; nothing else has a reason to arrive, so everything else is
 * rejected before it is instantiated (no gadget chains). Limits keep a hostile stream from using
 * up memory: depth 20, 10,000 references, arrays of 100,000, 1 MiB in all.
 */
public final class SerialFilters {

  /** The pattern of the per-object filter; see {@link ObjectInputFilter.Config#createFilter}. */
  public static final String SERVICE_PATTERN = String.join(";",
      "maxdepth=20",
      "maxrefs=10000",
      "maxarray=100000",
      "maxbytes=1048576",
      "org.redditclone.api.*",
      "java.lang.String",
      "java.lang.Enum",
      "java.lang.Number",
      "java.lang.Long",
      "java.lang.Integer",
      "java.lang.Boolean",
      "java.util.ImmutableCollections$*",
      "java.util.CollSer",
      "java.util.ArrayList",
      "java.util.HashMap",
      "java.util.TreeMap",
      "java.util.Collections$*",
      // CollSer and ArrayList check their Object[] (as java.lang.Object) and HashMap its
      // Map$Entry[] before reading; neither class is Serializable, so allowing the names admits
      // those arrays and nothing else.
      "java.lang.Object",
      "java.util.Map$Entry",
      // Primitive arrays pass the class check undecided; maxarray and maxbytes bound them.
      "!*");

  private SerialFilters() {}

  /** Returns a new filter for {@link #SERVICE_PATTERN}. */
  public static ObjectInputFilter serviceFilter() {
    return ObjectInputFilter.Config.createFilter(SERVICE_PATTERN);
  }
}
