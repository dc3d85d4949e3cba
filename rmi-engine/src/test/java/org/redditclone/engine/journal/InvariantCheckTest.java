package org.redditclone.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.Engine;
import org.redditclone.engine.EngineConfig;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.Event.Target;

/**
 * The startup check counts what it checks, all of it, and reports an engine that differs from its
 * journal, item by item and in its totals.
 */
final class InvariantCheckTest {

  private static final JournalOptions OPTS =
      JournalOptions.defaults().withFsync(FsyncPolicy.NONE).withSnapshotEvery(0);

  @TempDir Path dir;

  @Test
  void everyUserPostCommentAndSubreddit_isChecked() throws Exception {
    InvariantCheck.Result r = check(List.of());
    assertTrue(r.holds(), r.toString());
    assertEquals(List.of(2L, 1L, 2L, 1L), List.of(r.users(), r.posts(), r.comments(), r.subreddits()));
    assertTrue(r.toString().startsWith("invariants hold: 2 users' karma, 1 posts' votes and comment"
        + " counts, 2 comments' votes, 1 subreddits' member counts and the engine's totals checked"), r.toString());
  }

  @Test
  void anEngineThatDiffersFromItsJournal_isReported_perItemAndInItsTotals() throws Exception {
    InvariantCheck.Result r = check(List.of(
        new Event.VoteCast(Target.COMMENT, 2, 2, VoteDirection.UP, 30),
        new Event.UserRegistered(3, "carol", 1000, "c2FsdA==", "aGFzaA==", 31)));
    assertFalse(r.holds());
    assertTrue(r.examples().contains("comment 2 ups is 1; its events say 0"), r.examples().toString());
    assertTrue(r.examples().contains("user alice commentKarma is 1; its events say 0"), r.examples().toString());
    assertTrue(r.examples().contains("the engine's users is 3; its events say 2"), r.examples().toString());
    assertTrue(r.examples().contains("the engine's votes is 3; its events say 2"), r.examples().toString());
    assertEquals(r.examples().size(), r.violations());
  }

  /** Replays {@link EventKindsTest#history()}, applies {@code unjournaled} too, and checks. */
  private InvariantCheck.Result check(List<Event> unjournaled) throws Exception {
    try (Journal j = Journal.open(dir, OPTS, e -> {}, e -> {})) {
      EventKindsTest.history().forEach(j::accept);
    }
    try (Engine engine = Engine.create(EngineConfig.defaults().withPasswordCost(1000));
        Journal j = Journal.open(dir, OPTS, engine::apply, e -> {})) {
      unjournaled.forEach(engine::apply);
      return j.checkInvariants(engine::service);
    }
  }
}
