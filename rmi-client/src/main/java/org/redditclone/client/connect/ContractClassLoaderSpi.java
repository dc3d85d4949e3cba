package org.redditclone.client.connect;

import java.net.MalformedURLException;
import java.rmi.server.RMIClassLoader;
import java.rmi.server.RMIClassLoaderSpi;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Resolves the contract's classes ({@code org.redditclone.api.*}) that results and errors name,
 * from a cache, and everything else as RMI's default provider does. Installed with {@code
 * -Djava.rmi.server.RMIClassLoaderSpi=org.redditclone.client.connect.ContractClassLoaderSpi}.
 *
 * <p>RMI resolves the class descriptor of every result it reads through {@link
 * RMIClassLoader#loadClass(String, String, ClassLoader)}; the default provider looks up the
 * codebase URLs and asks the class loader again each time. A name is cached only after the default
 * provider resolved it, without a codebase, through this class's own loader (the one the clients'
 * code runs in), so the cache answers exactly what the default provider would. It decides nothing
 * about what may be read: the JEP 290 filter checks the resolved class after this returns, as
 * before.
 */
public final class ContractClassLoaderSpi extends RMIClassLoaderSpi {

  private static final String CONTRACT = "org.redditclone.api.";

  private final RMIClassLoaderSpi standard = RMIClassLoader.getDefaultProviderInstance();
  private final ClassLoader own = ContractClassLoaderSpi.class.getClassLoader();
  private final ConcurrentMap<String, Class<?>> resolved = new ConcurrentHashMap<>();

  @Override
  public Class<?> loadClass(String codebase, String name, ClassLoader defaultLoader)
      throws MalformedURLException, ClassNotFoundException {
    boolean cacheable = codebase == null && defaultLoader == own && name.startsWith(CONTRACT);
    if (cacheable) {
      Class<?> known = resolved.get(name);
      if (known != null) {
        return known;
      }
    }
    Class<?> c = standard.loadClass(codebase, name, defaultLoader);
    if (cacheable) {
      resolved.putIfAbsent(name, c);
    }
    return c;
  }

  /** Returns the names resolved from the cache from now on. */
  Set<String> cachedNames() {
    return Set.copyOf(resolved.keySet());
  }

  @Override
  public Class<?> loadProxyClass(String codebase, String[] interfaces, ClassLoader defaultLoader)
      throws MalformedURLException, ClassNotFoundException {
    return standard.loadProxyClass(codebase, interfaces, defaultLoader);
  }

  @Override
  public ClassLoader getClassLoader(String codebase) throws MalformedURLException {
    return standard.getClassLoader(codebase);
  }

  @Override
  public String getClassAnnotation(Class<?> cl) {
    return standard.getClassAnnotation(cl);
  }
}
