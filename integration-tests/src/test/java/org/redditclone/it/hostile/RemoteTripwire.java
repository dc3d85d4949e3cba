package org.redditclone.it.hostile;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.rmi.Remote;

/**
 * Test only: a gadget that is also {@link Remote}. The JDK's built-in registry filter admits any
 * Remote class on the registry's class path; policy/'s registry filter ends in {@code !*} so it
 * must not.
 */
public final class RemoteTripwire extends TripwireBase implements Remote, Serializable {
  private static final long serialVersionUID = 1L;

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    mark("readObject");
    in.defaultReadObject();
  }
}
