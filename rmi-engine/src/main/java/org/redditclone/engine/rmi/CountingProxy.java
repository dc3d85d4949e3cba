package org.redditclone.engine.rmi;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.rmi.Remote;
import java.util.Objects;
import org.redditclone.api.RedditException;
import org.redditclone.engine.journal.EventRefusedException;
import org.redditclone.engine.stats.CallCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a service object so that every call counts under {@code prefix.method} (for example
 * {@code posts.submit}), failed calls included, and an unexpected runtime error is logged here once
 * instead of in every method.
 */
public final class CountingProxy {

  private static final Logger log = LoggerFactory.getLogger(CountingProxy.class);

  private CountingProxy() {}

  /** Returns a proxy implementing {@code api} that counts calls and delegates to {@code target}. */
  public static <T extends Remote> T wrap(Class<T> api, String prefix, T target, CallCounter counter) {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(counter, "counter");
    for (Method m : api.getMethods()) {
      counter.register(prefix + "." + m.getName());
    }
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> api.getSimpleName() + "Proxy[" + prefix + "]";
        };
      }
      String operation = prefix + "." + method.getName();
      counter.increment(operation);
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (!(cause instanceof RedditException) && !(cause instanceof EventRefusedException)) {
          log.error("{} failed unexpectedly", operation, cause);
        }
        throw cause;
      }
    };
    return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
  }
}
