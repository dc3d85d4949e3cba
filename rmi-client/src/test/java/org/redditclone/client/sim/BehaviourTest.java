package org.redditclone.client.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redditclone.api.Caller;
import org.redditclone.api.Message;
import org.redditclone.api.NotAuthorizedException;
import org.redditclone.api.NotFoundException;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.Score;
import org.redditclone.api.Session;
import org.redditclone.api.VoteDirection;
import org.redditclone.client.testing.FakeEngine;

/** What a simulated user does in one step, against an engine faked at its Remote interfaces. */
final class BehaviourTest {

  private static final String ME = "u1_abcd_0";
  private static final String OTHER = "u2_abcd_5";

  @TempDir Path dir;
  private final SimUser user = new SimUser(0, ME);
  private final SplittableRandom random = new SplittableRandom(5);
  private SimFixture sim;
  private FakeEngine engine;
  private World world;
  private Tally tally;
  private Behaviour behaviour;

  @BeforeEach
  void setUp() throws Exception {
    sim = new SimFixture(dir);
    engine = sim.engine;
    world = sim.world;
    tally = sim.tally;
    behaviour = sim.behaviour;
    user.token = "t";
    user.online = true;
  }

  @AfterEach
  void close() throws Exception {
    sim.close();
  }

  private static Post post(long id, String author, int rank) {
    return new Post(id, SimNames.subreddit(rank), author, "t", "b", 0, 1, 0, 0, 0, null, false);
  }

  private void everySubredditExists() {
    for (int rank = 1; rank <= 5; rank++) {
      world.markExists(rank);
    }
  }

  @Test
  void aVoteWithNothingSeenYet_readsTheFeedInstead() {
    user.addJoined(1);
    behaviour.act(user, Action.VOTE_POST, System.nanoTime(), random);
    assertEquals(1, tally.substituted.sum());
    assertEquals(1, engine.count("FeedService.feed"));
    assertEquals(0, engine.count("PostService.vote"));
  }

  @Test
  void withNothingJoined_theSubstituteIsTheListingOfAKnownSubreddit() {
    everySubredditExists();
    behaviour.act(user, Action.VOTE_POST, System.nanoTime(), random);
    assertEquals(0, engine.count("FeedService.feed"));
    assertEquals(1, engine.count("PostService.listing"));
    assertEquals(1, tally.substituted.sum());
  }

  @Test
  void aPostGoesWhereTheClientsMembersAre_isTallied_andRemembered() {
    world.markExists(3);
    world.markExists(1);
    behaviour.noteHeld(user, 3); // the client's one membership: every post goes there
    engine.on("PostService.submit", args -> post(42, ME, 3));
    for (int i = 0; i < 10; i++) {
      behaviour.act(user, Action.POST, System.nanoTime(), random);
    }
    assertEquals(10, user.acked().posts());
    assertTrue(engine.calls().stream().filter(c -> c.startsWith("PostService.submit"))
        .allMatch(c -> c.contains(", sim_r00003, ")), engine.calls().toString());
    assertEquals(Ref.of(42, 1), world.randomRecentPost(random));
  }

  @Test
  void aCommentOnAPostThatVanished_forgetsThePost() {
    world.addRecentPost(Ref.of(7, 2));
    engine.on("CommentService.comment", args -> {
      throw new NotFoundException("post 7 does not exist");
    });
    behaviour.act(user, Action.COMMENT, System.nanoTime(), random);
    assertEquals(1, engine.count("CommentService.comment"));
    assertEquals(0, user.acked().comments());
    assertEquals(0, world.randomRecentPost(random), "forgotten");
  }

  @Test
  void aVoteOnAnotherClientsPost_isACrossVote_andTheLedgerKeepsWhatTheEngineAnswered() {
    user.posts.add(Ref.of(9, OTHER));
    engine.on("PostService.vote", args -> new Score(9, 1, 0, direction((int) args[2])));
    behaviour.act(user, Action.VOTE_POST, System.nanoTime(), random);
    String call = engine.calls().get(0);
    VoteDirection cast =
        direction(Integer.parseInt(call.substring(call.lastIndexOf(", ") + 2, call.length() - 1)));
    assertEquals(cast, sim.votes.get(0, false, 9));
    assertEquals(sim.votes.cast(), user.acked().votes(), "the user's votes standing, as the ledger's");
    assertEquals(1, tally.crossVotes.sum());
  }

  @Test
  void aMessageNeedsAUserOfAnotherClient_seenFirst() {
    user.addJoined(1);
    behaviour.act(user, Action.SEND_DM, System.nanoTime(), random);
    assertEquals(0, engine.count("MessageService.send"));
    assertEquals(1, tally.substituted.sum());

    world.noteAuthor(ME); // our own users are not foreign
    world.noteAuthor(OTHER);
    engine.on("MessageService.send", args -> new Message(3, 3, 0, ME, (String) args[1], "s", "b", 0, false));
    behaviour.act(user, Action.SEND_DM, System.nanoTime(), random);
    assertTrue(engine.calls().get(engine.calls().size() - 1).contains(", " + OTHER + ", "));
    assertEquals(1, user.acked().messages());
    assertEquals(1, tally.crossMessages.sum());
  }

  @Test
  void aRefusedSession_logsTheUserInAgain() {
    user.addJoined(1);
    engine.on("FeedService.feed", args -> {
      throw new NotAuthorizedException("session expired");
    });
    engine.on("UserService.login", args -> new Session("t2", ME));
    behaviour.act(user, Action.FEED, System.nanoTime(), random);
    assertEquals("t2", user.token);
    assertEquals(1, engine.count("UserService.login"));
  }

  @Test
  void feedsAndListings_teachTheUserPostsAndOtherClientsUsers() {
    user.addJoined(2);
    engine.returning("FeedService.feed", new Page<>(List.of(post(11, OTHER, 2)), null));
    behaviour.act(user, Action.FEED, System.nanoTime(), random);
    assertEquals(Ref.of(11, OTHER), user.posts.newest());
    assertEquals(OTHER, world.randomForeignUser(random));
    assertTrue(world.exists(2));
    assertTrue(world.randomPopularPost(random) != null, "the feed's top post is popular");
  }

  @Test
  void aRepostIsNeverRememberedAsPopular_forItsOriginalsSubredditIsUnknown() {
    user.addJoined(2);
    Post original = post(12, OTHER, 2);
    Post repostOfIt = new Post(13, SimNames.subreddit(2), OTHER, "t", "", 0, 50, 0, 0, 99, OTHER, false);
    engine.returning("FeedService.feed", new Page<>(List.of(repostOfIt), null));
    behaviour.act(user, Action.FEED, System.nanoTime(), random);
    assertEquals(null, world.randomPopularPost(random), "a page of reposts teaches no popular post");

    engine.returning("FeedService.feed", new Page<>(List.of(repostOfIt, original), null));
    behaviour.act(user, Action.FEED, System.nanoTime(), random);
    assertEquals(Ref.of(12, OTHER), world.randomPopularPost(random)[0], "the original, though it scores less");
  }

  @Test
  void catchingUp_readsTheInbox_marksTheFirstUnreadRead_thenReadsTheFeed() {
    user.addJoined(1);
    engine.returning("MessageService.inbox", new Page<>(List.of(
        new Message(5, 5, 0, OTHER, ME, "s", "b", 0, true),
        new Message(6, 6, 0, OTHER, ME, "s", "b", 0, false)), null));
    engine.returning("MessageService.markRead", null);
    behaviour.catchUp(user, System.nanoTime(), random);
    List<String> calls = engine.calls();
    assertTrue(calls.get(0).startsWith("MessageService.inbox("), calls.toString());
    assertEquals("MessageService.markRead(t, 6)", calls.get(1));
    assertTrue(calls.get(2).startsWith("FeedService.feed("), calls.toString());
    assertEquals(Ref.of(6, OTHER), user.messages.newest());
  }

  @Test
  void aStandingVoteIsSometimesRetractedOrFlipped_aNewOneNeverNone_mostlyUp() {
    Map<VoteDirection, Integer> fresh = new EnumMap<>(VoteDirection.class);
    Map<VoteDirection, Integer> standing = new EnumMap<>(VoteDirection.class);
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 4_000; i++) {
      fresh.merge(Behaviour.direction(VoteDirection.NONE, r), 1, Integer::sum);
      standing.merge(Behaviour.direction(VoteDirection.UP, r), 1, Integer::sum);
    }
    assertEquals(null, fresh.get(VoteDirection.NONE));
    assertTrue(fresh.get(VoteDirection.UP) > 2 * fresh.get(VoteDirection.DOWN), fresh.toString());
    assertTrue(standing.get(VoteDirection.NONE) > 200, standing.toString()); // about 1 in 8
    assertTrue(standing.get(VoteDirection.DOWN) > fresh.get(VoteDirection.DOWN), standing.toString());
  }

  @Test
  void aChangeRetriedAfterALostReplyCarriesOneRequestId() {
    world.markExists(3);
    behaviour.noteHeld(user, 3);
    java.util.List<Long> ids = new java.util.ArrayList<>();
    engine.on("PostService.submit", args -> {
      ids.add(((Caller) args[0]).requestId());
      if (ids.size() == 1) {
        throw new java.rmi.UnmarshalException("reply lost", new java.io.EOFException());
      }
      return post(43, ME, 3);
    });
    behaviour.act(user, Action.POST, System.nanoTime(), random);
    assertEquals(2, ids.size());
    assertEquals(ids.get(0), ids.get(1));
    assertEquals(1, user.acked().posts(), "tallied once");
  }

  /** Returns the direction a vote call carries as its value (1, -1 or 0). */
  private static VoteDirection direction(int value) {
    return Arrays.stream(VoteDirection.values()).filter(d -> d.value() == value).findFirst()
        .orElseThrow();
  }
}
