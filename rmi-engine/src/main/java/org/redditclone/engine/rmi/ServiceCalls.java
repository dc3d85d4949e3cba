package org.redditclone.engine.rmi;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.rmi.Remote;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.redditclone.api.RedditException;
import org.redditclone.engine.journal.CallBarrier;
import org.redditclone.engine.journal.EventRefusedException;
import org.redditclone.engine.stats.CallCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a service object in the one proxy that RMI exports: every call counts under {@code
 * prefix.method} (for example {@code posts.submit}), failed calls included; it returns only once
 * the events it caused are as durable as the journal's barrier promises (the wait happens after
 * the call, outside every lock the engine took); once the journal has failed, a call that can
 * answer with a {@link RedditException} is refused before it runs and is not counted; an
 * unexpected runtime error is logged here once instead of in every method.
 *
 * <p>One proxy with each method's counter and refusability looked up once, rather than a counting
 * proxy inside a durability proxy: a call then pays one reflective hop instead of two, and no
 * operation name is built per call.
 */
public final class ServiceCalls {

  private static final Logger log = LoggerFactory.getLogger(ServiceCalls.class);

  /** What the proxy knows of one method of the service's interface. */
  private record Entry(String operation, LongAdder count, boolean refusable) {}

  private ServiceCalls() {}

  /**
   * Returns a proxy implementing {@code api} that counts each call in {@code counter}, delegates
   * it to {@code service} and waits for the barrier that {@code barrier} returns at that time.
   */
  public static <T extends Remote> T wrap(
      Class<T> api, String prefix, T service, CallCounter counter, Supplier<CallBarrier> barrier) {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(counter, "counter");
    Objects.requireNonNull(barrier, "barrier");
    Map<Method, Entry> entries = new HashMap<>();
    for (Method m : api.getMethods()) {
      String operation = prefix + "." + m.getName();
      boolean refusable = Arrays.asList(m.getExceptionTypes()).contains(RedditException.class);
      entries.put(m, new Entry(operation, counter.register(operation), refusable));
    }
    InvocationHandler handler = (proxy, method, args) -> {
      Entry entry = entries.get(method);
      if (entry == null) { // equals, hashCode, toString of Object
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> api.getSimpleName() + "Proxy[" + prefix + "]";
        };
      }
      CallBarrier current = barrier.get();
      if (entry.refusable()) {
        current.checkOpen();
      }
      entry.count().increment();
      return invoke(service, method, args, entry, current);
    };
    return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
  }

  private static Object invoke(Object service, Method method, Object[] args, Entry entry,
      CallBarrier barrier) throws Throwable {
    Object result;
    try {
      result = method.invoke(service, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (!(cause instanceof RedditException) && !(cause instanceof EventRefusedException)) {
        log.error("{} failed unexpectedly", entry.operation(), cause);
      }
      // A refused call may still have applied events before it failed; they must be durable too.
      barrier.awaitCallerEvents();
      throw cause instanceof EventRefusedException refused ? refused.refusal() : cause;
    }
    barrier.awaitCallerEvents();
    return result;
  }
}
