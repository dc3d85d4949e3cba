package org.redditclone.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.Bindings;
import org.redditclone.api.PostService;
import org.redditclone.api.PostSort;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.Engine;
import org.redditclone.engine.EngineConfig;
import org.redditclone.engine.events.Event;
import org.redditclone.engine.events.Event.Target;

/**
 * A journal whose records are whole but could not have happened, as when two engines wrote into
 * one folder and handed out the same ids: replay stops at the first impossible event, naming
 * file and offset as for a bad checksum, and {@code --repair} keeps what came before it.
 */
final class ImpossibleHistoryTest {

  private static final JournalOptions OPTS =
      JournalOptions.defaults().withFsync(FsyncPolicy.NONE).withSnapshotEvery(0);

  @TempDir Path dir;

  /** What the first engine wrote: a user, a subreddit, a post. */
  private static final List<Event> FIRST = List.of(
      new Event.UserRegistered(1, "alice", 1000, "c2FsdA==", "aGFzaA==", 10),
      new Event.SubredditCreated(1, "first", "d", 1, 11),
      new Event.PostSubmitted(1, 1, 1, "the first engine's post", "b", 0, 12));

  /** What a second engine on the same folder wrote next: its own ids collide with the first's. */
  private static final List<Event> SECOND = List.of(
      new Event.UserRegistered(2, "bob", 1000, "c2FsdA==", "aGFzaA==", 20),
      new Event.SubredditCreated(2, "second", "d", 2, 21),
      new Event.PostSubmitted(1, 2, 2, "the second engine's post", "b", 0, 22));

  @Test
  void aDuplicatedPostId_stopsReplay_namingFileAndOffset_andNothingIsOverwritten() throws Exception {
    write(FIRST);
    write(SECOND);
    Path seg = JournalFiles.segment(dir, 2);
    try (Engine engine = engine()) {
      JournalDamagedException e = assertThrows(JournalDamagedException.class, () -> replay(engine, OPTS));
      assertEquals(seg, e.file());
      assertEquals(RecoveryTest.recordOffset(seg, 2), e.offset());
      assertTrue(e.getMessage().contains(seg + " at offset " + e.offset()), e.getMessage());
      assertTrue(e.getMessage().contains("post #1 exists already"), e.getMessage());
      assertTrue(e.getMessage().contains("--repair"), e.getMessage());
      assertEquals("first", posts(engine).get(1).subreddit(), "the refused event changed nothing");
    }
  }

  @Test
  void repair_keepsEverythingBeforeTheImpossibleEvent_andMovesTheRestAside() throws Exception {
    write(FIRST);
    write(SECOND);
    write(List.of(new Event.PostDeleted(1, 30))); // a later segment, moved aside too
    try (Engine engine = engine()) {
      replay(engine, OPTS.withRepair(true));
      assertEquals("the first engine's post", posts(engine).get(1).title());
      assertEquals(0, posts(engine).listing("second", PostSort.NEW.ordinal(), null, 10).items().size());
    }
    assertTrue(Files.exists(dir.resolve("journal-000002.log.damaged")));
    assertTrue(Files.exists(dir.resolve("journal-000003.log.damaged")));
    try (Engine engine = engine()) {
      replay(engine, OPTS); // the repaired journal is clean
      assertEquals(1, posts(engine).listing("first", PostSort.NEW.ordinal(), null, 10).items().size());
    }
  }

  @Test
  void aDuplicatedUserId_aTakenName_andAMissingItem_areEachRefused() throws Exception {
    assertRefused(new Event.UserRegistered(1, "carol", 1000, "c2FsdA==", "aGFzaA==", 30),
        "user #1 exists already");
    assertRefused(new Event.UserRegistered(3, "ALICE", 1000, "c2FsdA==", "aGFzaA==", 30),
        "name is taken");
    assertRefused(new Event.SubredditCreated(1, "third", "d", 1, 30), "subreddit #1 exists already");
    assertRefused(new Event.SubredditCreated(3, "First", "d", 1, 30), "name is taken");
    assertRefused(new Event.VoteCast(Target.POST, 9, 1, VoteDirection.UP, 30), "no post #9");
    assertRefused(new Event.CommentAdded(1, 9, 0, 1, "c", 30), "no post #9");
    assertRefused(new Event.MessageSent(1, 1, 0, 1, 7, "s", "m", 30), "no user #7");
  }

  private void assertRefused(Event impossible, String why) throws Exception {
    for (Path f : Files.list(dir).toList()) {
      Files.delete(f);
    }
    write(FIRST);
    write(List.of(impossible));
    try (Engine engine = engine()) {
      JournalDamagedException e = assertThrows(JournalDamagedException.class, () -> replay(engine, OPTS));
      assertEquals(JournalFiles.segment(dir, 2), e.file(), impossible.toString());
      assertTrue(e.getMessage().contains(why), e.getMessage());
    }
  }

  private void write(List<Event> events) throws IOException {
    try (Journal j = Journal.open(dir, OPTS, e -> {}, e -> {})) {
      events.forEach(j::accept);
    }
  }

  private void replay(Engine engine, JournalOptions opts) throws IOException {
    Journal.open(dir, opts, engine::apply, e -> {}).close();
  }

  private static Engine engine() {
    return Engine.create(EngineConfig.defaults().withPasswordCost(1000));
  }

  private static PostService posts(Engine engine) {
    return engine.service(Bindings.POSTS, PostService.class);
  }
}
