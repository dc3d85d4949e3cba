package org.redditclone.engine.journal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Wraps a service so that each call returns only once the events it caused are as durable as the
 * journal's policy promises. The wait happens after the call, outside every lock the engine took.
 */
public final class DurableCalls {

  /** Waits for the calling thread's events; see {@link Journal#awaitCallerEvents()}. */
  @FunctionalInterface
  public interface Barrier {
    Barrier NONE = () -> {};

    void awaitCallerEvents() throws RemoteException;
  }

  private DurableCalls() {}

  /** Returns {@code service} as {@code api}, each call followed by the barrier {@code current} returns. */
  public static <T extends Remote> T wrap(Class<T> api, T service, Supplier<Barrier> current) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(current, "current");
    InvocationHandler h = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "DurableCalls[" + service + "]";
        };
      }
      return invoke(service, method, args, current.get());
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
      throw e.getCause();
    }
    barrier.awaitCallerEvents();
    return result;
  }
}
