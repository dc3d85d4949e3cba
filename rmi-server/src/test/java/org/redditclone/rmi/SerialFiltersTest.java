package org.redditclone.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;

final class SerialFiltersTest {

  private static Object roundTrip(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      in.setObjectInputFilter(SerialFilters.serviceFilter());
      return in.readObject();
    }
  }

  @Test
  void contractValues_areAllowed() throws Exception {
    Post post = new Post(1, "java", "alice", "t", "b", 0, 1, 2, 3, 0, null, false);
    assertEquals(post, roundTrip(post));
    assertEquals(PostSort.HOT, roundTrip(PostSort.HOT));
    assertEquals(List.of("a", 1L), roundTrip(List.of("a", 1L)));
    assertEquals(Map.of("k", 1), roundTrip(Map.of("k", 1)));
    assertEquals(new ArrayList<>(List.of(1)), roundTrip(new ArrayList<>(List.of(1))));
    assertEquals(new HashMap<>(Map.of("k", 1L)), roundTrip(new HashMap<>(Map.of("k", 1L))));
    assertEquals(new TreeMap<>(Map.of("k", 1L)), roundTrip(new TreeMap<>(Map.of("k", 1L))));
  }

  @Test
  void otherClasses_areRejected() {
    assertThrows(InvalidClassException.class, () -> roundTrip(new Date()));
    assertThrows(InvalidClassException.class, () -> roundTrip(new HashSet<>(List.of(1))));
    assertThrows(InvalidClassException.class, () -> roundTrip(new Gadget()));
  }

  @Test
  void hugeArrays_areRejected() {
    assertThrows(InvalidClassException.class, () -> roundTrip(new long[200_000]));
  }

  private static final class Gadget implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
