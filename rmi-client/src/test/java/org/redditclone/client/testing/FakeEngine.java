package org.redditclone.client.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.rmi.Remote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redditclone.api.CommentService;
import org.redditclone.api.FeedService;
import org.redditclone.api.MessageService;
import org.redditclone.api.PostService;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;
import org.redditclone.client.connect.EngineConnection;
import org.redditclone.client.connect.EngineStubs;
import org.redditclone.client.connect.RegistryAddress;

/**
 * The engine faked at its Remote interfaces: each service is a proxy that answers a method with
 * what the test set up ({@link #on}) and records every call. A method without an answer throws
 * {@link UnsupportedOperationException}, naming it, so a test sees any call it did not expect.
 */
public final class FakeEngine {

  /** What a faked method does with its arguments: returns a value or throws. */
  @FunctionalInterface
  public interface Answer {
    Object answer(Object[] args) throws Exception;
  }

  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final EngineStubs stubs = new EngineStubs(
      proxy(UserService.class), proxy(SubredditService.class), proxy(PostService.class),
      proxy(CommentService.class), proxy(FeedService.class), proxy(MessageService.class),
      proxy(StatsService.class));

  /**
   * Answers {@code method} (as {@code UserService.register}) with {@code answer} from now on.
   * Returns this engine.
   */
  public FakeEngine on(String method, Answer answer) {
    answers.put(method, answer);
    return this;
  }

  /** Answers {@code method} with {@code value}, whatever the arguments. */
  public FakeEngine returning(String method, Object value) {
    return on(method, args -> value);
  }

  /** Returns the stubs of the seven services. */
  public EngineStubs stubs() {
    return stubs;
  }

  /** Returns a connection whose lookups find this engine, already looked up. */
  public EngineConnection connection() throws Exception {
    EngineConnection connection =
        EngineConnection.of(new RegistryAddress("127.0.0.1", 1099), () -> stubs);
    connection.reconnect(null, java.time.Duration.ZERO);
    return connection;
  }

  /** Returns every call so far as {@code Service.method(arg, ...)}, in order. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** Returns how many calls of {@code method} (as {@code UserService.register}) were made. */
  public synchronized long count(String method) {
    return calls.stream().filter(call -> call.startsWith(method + "(")).count();
  }

  private <T extends Remote> T proxy(Class<T> service) {
    InvocationHandler handler = (proxy, method, args) -> {
      String name = service.getSimpleName() + "." + method.getName();
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "fake " + service.getSimpleName();
        };
      }
      Object[] given = args == null ? new Object[0] : args;
      synchronized (this) {
        calls.add(name + "(" + String.join(", ", Arrays.stream(given).map(String::valueOf).toList()) + ")");
      }
      Answer answer = answers.get(name);
      if (answer == null) {
        throw new UnsupportedOperationException("the fake engine has no answer for " + name);
      }
      try {
        return answer.answer(given);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return service.cast(Proxy.newProxyInstance(service.getClassLoader(), new Class<?>[] {service}, handler));
  }
}
