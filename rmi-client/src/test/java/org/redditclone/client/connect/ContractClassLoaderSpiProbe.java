package org.redditclone.client.connect;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.rmi.server.RMIClassLoader;
import java.rmi.server.RMIClassLoaderSpi;
import java.rmi.server.UnicastRemoteObject;
import org.redditclone.api.Post;

/**
 * The JVM that {@link ContractClassLoaderSpiTest} starts with the project's serial filters and
 * {@link ContractClassLoaderSpi} installed: it serves itself a contract value and a class outside
 * the allow-list over real RMI on loopback, twice each, and prints what the client side read.
 */
public final class ContractClassLoaderSpiProbe {

  /** A remote service answering one contract value and one value the filter must refuse. */
  public interface Answers extends Remote {
    Post post() throws RemoteException;

    Object outsider() throws RemoteException;
  }

  /** Serializable, but outside the allow-list. */
  static final class Outsider implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  static final class Server implements Answers {
    @Override
    public Post post() {
      return new Post(7, "sub", "author", "a title", "a body", 1, 2, 0, 0, 0, null, false);
    }

    @Override
    public Object outsider() {
      return new Outsider();
    }
  }

  private ContractClassLoaderSpiProbe() {}

  public static void main(String[] args) throws Exception {
    Field installed = RMIClassLoader.class.getDeclaredField("provider");
    installed.setAccessible(true);
    RMIClassLoaderSpi provider = (RMIClassLoaderSpi) installed.get(null);
    System.out.println("provider=" + provider.getClass().getName());
    Server server = new Server();
    Answers stub = (Answers) UnicastRemoteObject.exportObject(server, 0, null,
        port -> new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
    try {
      for (int i = 0; i < 2; i++) {
        System.out.println("post=" + stub.post().title());
        try {
          System.out.println("outsider read: " + stub.outsider());
        } catch (RemoteException e) {
          System.out.println("outsider refused: " + e.getClass().getName() + " caused by " + e.getCause());
        }
      }
      if (provider instanceof ContractClassLoaderSpi spi) {
        System.out.println("cached=" + spi.cachedNames());
      }
    } finally {
      UnicastRemoteObject.unexportObject(server, true);
    }
  }
}
