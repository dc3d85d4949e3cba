package org.redditclone.rmi;

import java.rmi.AccessException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the registry calls that the JDK refuses before any code of ours runs: {@code bind},
 * {@code rebind} and {@code unbind} from another host ({@code AccessException: Registry.bind
 * disallowed; origin /10.0.0.7 is non-local host}). The JDK's RMI runtime reports every exception
 * a remote call throws, with the caller's address, at FINE to the {@code java.util.logging} logger
 * {@value #CALL_LOGGER}; this handler passes those refusals on to the log and drops the rest.
 *
 * <p>Installed only where another host can connect (a non-loopback bind address): at FINE the JDK
 * walks the stack for every failed call, a cost the loopback default does not need to pay.
 */
public final class JdkRefusalLog extends Handler {

  static final String CALL_LOGGER = "sun.rmi.server.call";

  private static final Logger log = LoggerFactory.getLogger(JdkRefusalLog.class);
  /** Held here because java.util.logging keeps loggers, and so their levels, only weakly. */
  private static final java.util.logging.Logger CALLS = java.util.logging.Logger.getLogger(CALL_LOGGER);
  private static boolean installed; // guarded by JdkRefusalLog.class

  private JdkRefusalLog() {}

  /** Makes the JDK report failed remote calls of this JVM to this handler; idempotent. */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    CALLS.setUseParentHandlers(false); // a console handler at FINE would print every failed call
    CALLS.addHandler(new JdkRefusalLog());
    if (!CALLS.isLoggable(Level.FINE)) {
      CALLS.setLevel(Level.FINE);
    }
  }

  @Override
  public void publish(LogRecord record) {
    if (record.getThrown() instanceof AccessException refused && String.valueOf(refused.getMessage()).contains("disallowed")) {
      // the message names the caller: "Registry.rebind disallowed; origin /10.0.0.7 is non-local host"
      log.warn("refused by the JDK: {}", refused.getMessage());
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
