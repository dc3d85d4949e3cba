package org.redditclone.engine.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.Bindings;
import org.redditclone.api.EngineStats;
import org.redditclone.api.StatsService;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.Engine;
import org.redditclone.engine.EngineConfig;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.Event.Target;
import org.redditclone.engine.requests.RequestKind;

/**
 * Every kind of event Event permits, found by reflection so that no kind goes untested: each one
 * round-trips through the codec, and a history holding each one replays into an engine, whole and
 * from a snapshot, to the same state.
 */
final class EventKindsTest {

  private static final JournalOptions OPTS =
      JournalOptions.defaults().withFsync(FsyncPolicy.NONE).withSnapshotEvery(0);

  @TempDir Path dir;

  /** A history that could have happened, with every kind of event, request ids where they go. */
  static List<Event> history() {
    return List.of(
        new Event.UserRegistered(1, "alice", 1000, "c2FsdA==", "aGFzaA==", 10),
        new Event.UserRegistered(2, "bob", 1000, "c2FsdA==", "aGFzaA==", 11),
        new Event.SessionOpened("tok", 1, 12),
        new Event.PresenceChanged(1, true, 13),
        new Event.SubredditCreated(1, "java", "about java \u2615", 1, 14, 101),
        new Event.MembershipChanged(2, 1, true, 15, 102),
        new Event.PostSubmitted(1, 1, 1, "title", "body ".repeat(20_000), 0, 16, 103),
        new Event.CommentAdded(1, 1, 0, 2, "c", 17, 104),
        new Event.CommentAdded(2, 1, 1, 1, "r", 18, 105),
        new Event.VoteCast(Target.POST, 1, 2, VoteDirection.UP, 19, 106),
        new Event.VoteCast(Target.COMMENT, 1, 1, VoteDirection.DOWN, 20, 107),
        new Event.CommentDeleted(2, 21, 108),
        new Event.PostDeleted(1, 22, 109),
        new Event.MessageSent(1, 1, 0, 1, 2, "s", "m", 23, 110),
        new Event.MessageSent(2, 1, 1, 2, 1, "s", "re: m", 24, 111),
        new Event.MessageRead(1, 25),
        new Event.SessionClosed("tok", 1, 26),
        new Event.RequestsRemembered(2, new long[] {102, 104},
            new byte[] {(byte) RequestKind.MEMBERSHIP.ordinal(), (byte) RequestKind.COMMENT.ordinal()},
            new long[] {1, 1}, 27));
  }

  @Test
  void theHistory_holdsEveryKindEventPermits() {
    assertEquals(Set.of(Event.class.getPermittedSubclasses()), kinds(history()));
  }

  @Test
  void everyKind_roundTripsThroughTheCodec() throws IOException {
    for (Class<?> kind : Event.class.getPermittedSubclasses()) {
      Event e = history().stream().filter(kind::isInstance).findFirst().orElseThrow();
      byte[] bytes = EventCodec.encode(e);
      Event decoded = EventCodec.decode(bytes);
      assertEquals(kind, decoded.getClass());
      // Re-encoding compares every field, arrays included, which a record's equals does not.
      assertArrayEquals(bytes, EventCodec.encode(decoded), kind.getSimpleName());
    }
  }

  @Test
  void everyKind_replaysIntoAnEngine_wholeAndFromASnapshot_toTheSameState() throws Exception {
    try (Journal j = Journal.open(dir, OPTS, e -> {}, e -> {})) {
      history().forEach(j::accept);
    }
    List<Event> applied = new ArrayList<>();
    EngineStats whole = replay(applied);
    assertEquals(Set.of(Event.class.getPermittedSubclasses()), kinds(applied));
    assertEquals(5, whole.users() + whole.posts() + whole.comments(), whole.toString());

    List<Long> segments = JournalFiles.segments(dir);
    Snapshots.compact(dir, segments.get(segments.size() - 1) + 1);
    assertTrue(JournalFiles.segments(dir).isEmpty(), "the snapshot replaces every segment");
    EngineStats fromSnapshot = replay(new ArrayList<>());
    assertEquals(counts(whole), counts(fromSnapshot));
  }

  /** Replays the folder into a new engine; returns its counts once the startup check holds. */
  private EngineStats replay(List<Event> applied) throws Exception {
    try (Engine engine = Engine.create(EngineConfig.defaults().withPasswordCost(1000))) {
      try (Journal j = Journal.open(dir, OPTS, e -> {
        engine.apply(e);
        applied.add(e);
      }, e -> {})) {
        InvariantCheck.Result check = j.checkInvariants(engine::service);
        assertTrue(check.holds(), check.toString());
      }
      return engine.service(Bindings.STATS, StatsService.class).stats();
    }
  }

  private static List<Long> counts(EngineStats s) {
    return List.of(s.users(), s.onlineUsers(), s.subreddits(), s.posts(), s.comments(), s.votes(),
        s.messages(), s.memberships());
  }

  private static Set<Class<?>> kinds(List<Event> events) {
    Set<Class<?>> kinds = new LinkedHashSet<>();
    events.forEach(e -> kinds.add(e.getClass()));
    return kinds;
  }
}
