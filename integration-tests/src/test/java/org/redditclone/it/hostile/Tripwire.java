package org.redditclone.it.hostile;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/** Test only: a class outside every allow-list, standing in for a gadget; see {@link TripwireBase}. */
public final class Tripwire extends TripwireBase implements Serializable {
  private static final long serialVersionUID = 1L;
  final String payload = "would run code here";

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    mark("readObject");
    in.defaultReadObject();
  }
}
