package org.redditclone.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
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
import org.redditclone.api.ClientJoin;
import org.redditclone.api.ClientPhase;
import org.redditclone.api.ClientReport;
import org.redditclone.api.FileChunk;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;

final class SerialFiltersTest {

  private static Object roundTrip(Object value) throws Exception {
    return roundTrip(value, SerialFilters.serviceFilter());
  }

  private static Object roundTrip(Object value, ObjectInputFilter filter) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      in.setObjectInputFilter(filter);
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

  @Test
  void theCoordinatorsFilter_takesReportsAndPartsOfFiles_andNothingElse() throws Exception {
    ClientReport report = new ClientReport(3, ClientPhase.MEASURING, 100, List.of(new ClientReport.Second(7, 1000,
        List.of(new ClientReport.TaggedHistogram("post", new byte[300])),
        List.of(new ClientReport.ErrorCount("post", "NotFoundException", 2)), 42, 1.5)));
    ClientReport back = (ClientReport) roundTrip(report, SerialFilters.coordinatorFilter());
    assertEquals(7, back.seconds().get(0).second());
    assertEquals(300, back.seconds().get(0).histograms().get(0).compressed().length);
    FileChunk chunk = new FileChunk(3, "client-3.hlog", 0, new byte[FileChunk.MAX_BYTES], false);
    assertEquals(FileChunk.MAX_BYTES, ((FileChunk) roundTrip(chunk, SerialFilters.coordinatorFilter())).bytes().length);
    assertEquals(new ClientJoin(0, "h", 10), roundTrip(new ClientJoin(0, "h", 10), SerialFilters.coordinatorFilter()));

    assertThrows(InvalidClassException.class, () -> roundTrip(new Gadget(), SerialFilters.coordinatorFilter()));
    assertThrows(InvalidClassException.class, () -> roundTrip(List.of(new Gadget()), SerialFilters.coordinatorFilter()));
    assertThrows(InvalidClassException.class, () -> roundTrip(new HashMap<>(Map.of("k", 1)), SerialFilters.coordinatorFilter()));
    assertThrows(InvalidClassException.class, () -> roundTrip(new byte[FileChunk.MAX_BYTES + 1], SerialFilters.coordinatorFilter()));
  }
}
