package org.redditclone.client.connect;

import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.util.Arrays;

/**
 * Answers whether a registry or an engine is up, for scripts that wait for one: exit 0 if it
 * answers, 1 if not (the reason on stderr), 2 on bad usage.
 *
 * <p>{@code ProbeMain registry HOST:PORT} lists the registry's names; {@code ProbeMain engine
 * HOST:PORT} looks up every engine service and asks the stats service for its counters.
 */
public final class ProbeMain {

  private ProbeMain() {}

  public static void main(String[] args) {
    if (args.length != 2 || !(args[0].equals("registry") || args[0].equals("engine"))) {
      System.err.println("usage: ProbeMain registry|engine HOST:PORT");
      System.exit(2);
    }
    try {
      RegistryAddress address = RegistryAddress.parse("address", args[1]);
      if (args[0].equals("registry")) {
        String[] names = EngineLookup.registry(address).list();
        System.out.println("registry " + address + " answers; bound: " + Arrays.toString(names));
      } else {
        EngineLookup.stubs(address).stats().stats();
        System.out.println("engine at " + address + " answers");
      }
      System.exit(0);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    } catch (AlteredRegistryException e) {
      System.err.println("engine at " + args[1] + " is not verified: " + e.getMessage());
      System.exit(1);
    } catch (NotBoundException e) {
      System.err.println(args[0] + " at " + args[1] + " does not answer: " + e);
      System.exit(1);
    } catch (RemoteException e) {
      String kind = CallFailure.of(e).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      System.err.println(args[0] + " at " + args[1] + " does not answer (" + kind + "): " + e);
      System.exit(1);
    }
  }
}
