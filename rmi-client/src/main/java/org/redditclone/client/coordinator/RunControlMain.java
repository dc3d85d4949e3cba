package org.redditclone.client.coordinator;

import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import org.redditclone.api.RedditException;
import org.redditclone.api.RunCoordinator;
import org.redditclone.client.connect.EngineLookup;
import org.redditclone.client.connect.RegistryAddress;

/**
 * What scripts ask a running coordinator, one call per JVM: exit 0 when it answered, 1 when it
 * did not or refused (the reason on stderr), 2 on bad usage.
 *
 * <pre>
 * RunControlMain reserve     HOST:PORT COUNT        prints the first of COUNT ids reserved for the caller's clients
 * RunControlMain not-started HOST:PORT ID REASON    the caller's client ID ended before it joined
 * </pre>
 */
public final class RunControlMain {

  static final String USAGE = "usage: RunControlMain reserve HOST:PORT COUNT | not-started HOST:PORT ID REASON";

  private RunControlMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    RegistryAddress address;
    try {
      if (args.length < 2) {
        throw new IllegalArgumentException("a command and HOST:PORT are needed");
      }
      address = RegistryAddress.parse("HOST:PORT", args[1]);
      if (!(args[0].equals("reserve") && args.length == 3 || args[0].equals("not-started") && args.length == 4)) {
        throw new IllegalArgumentException("'" + String.join(" ", args) + "' is not a command");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("RunControlMain: " + e.getMessage());
      System.err.println(USAGE);
      return CoordinatorMain.USAGE;
    }
    try {
      RunCoordinator coordinator = EngineLookup.coordinator(address);
      if (args[0].equals("reserve")) {
        System.out.println(coordinator.reserveClientIds(Integer.parseInt(args[2])));
      } else {
        coordinator.notStarted(Integer.parseInt(args[2]), args[3].length() > 500 ? args[3].substring(0, 500) : args[3]);
      }
      return CoordinatorMain.OK;
    } catch (NumberFormatException e) {
      System.err.println("RunControlMain: '" + args[2] + "' is not a whole number");
      return CoordinatorMain.USAGE;
    } catch (RemoteException | NotBoundException e) {
      System.err.println("the coordinator at " + address + " does not answer: " + e);
      return CoordinatorMain.FAILED;
    } catch (RedditException e) {
      System.err.println("the coordinator at " + address + " refused: " + e.getMessage());
      return CoordinatorMain.FAILED;
    }
  }
}
