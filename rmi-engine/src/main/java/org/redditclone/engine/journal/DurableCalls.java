package org.redditclone.engine.journal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.redditclone.api.RedditException;
import org.redditclone.api.StorageFailedException;

/**
 * Wraps a service so that each call returns only once the events it caused are as durable as the
 * journal's policy promises. The wait happens after the call, outside every lock the engine took.
 * Once the journal has failed, a call that can answer with a {@link RedditException} is refused
 * before it runs (only the stats service's calls, which change nothing, still run).
 */
public final class DurableCalls {

  /** What a call checks before it runs and waits for after; see {@link Journal}. */
  @FunctionalInterface
  public interface Barrier {
    Barrier NONE = () -> {};

    /**
     * Waits for the calling thread's events; see {@link Journal#awaitCallerEvents()}.
     *
     * @throws StorageFailedException if they are not in the journal and never will be
     * @throws RemoteException if their fate is unknown
     */
    void awaitCallerEvents() throws RemoteException, StorageFailedException;

    /** Throws if no call may run now (the journal failed); does nothing by default. */
    default void checkOpen() throws StorageFailedException {}
  }

  private DurableCalls() {}

  /** Returns {@code service} as {@code api}, each call followed by the barrier {@code current} returns. */
  public static <T extends Remote> T wrap(Class<T> api, T service, Supplier<Barrier> current) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(current, "current");
    Set<Method> refusable = Arrays.stream(api.getMethods())
        .filter(m -> Arrays.asList(m.getExceptionTypes()).contains(RedditException.class))
        .collect(Collectors.toUnmodifiableSet());
    InvocationHandler h = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "DurableCalls[" + service + "]";
        };
      }
      Barrier barrier = current.get();
      if (refusable.contains(method)) {
        barrier.checkOpen();
      }
      return invoke(service, method, args, barrier);
    };
    return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, h));
  }

  private static Object invoke(Object service, Method method, Object[] args, Barrier barrier)
      throws Throwable {
    Object result;
    try {
      result = method.invoke(service, args);
    } catch (InvocationTargetException e) {
      // A refused call may still have applied events before it failed; they must be durable too.
      barrier.awaitCallerEvents();
      Throwable cause = e.getCause();
      throw cause instanceof EventRefusedException refused ? refused.refusal() : cause;
    }
    barrier.awaitCallerEvents();
    return result;
  }
}
