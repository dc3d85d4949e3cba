package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redditclone.api.Caller;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;
import org.redditclone.api.Subreddit;
import org.redditclone.api.SubredditOrder;
import org.redditclone.api.VoteDirection;
import org.redditclone.engine.ranking.PostRank;

/** Walks listings and feeds page by page: nothing lost, nothing repeated, order kept. */
final class PagingTest {

  private static final List<String> SUBS = List.of("alpha", "beta", "gamma", "delta");

  private Fixture f;
  private String reader;
  private final List<Post> inJoined = new ArrayList<>();
  private int alphaPosts;

  @BeforeEach
  void setUp() throws Exception {
    f = new Fixture(Duration.ofDays(365)); // the clock moves days while posting
    String owner = f.user("owner");
    for (String sub : SUBS) {
      f.subreddit(owner, sub);
    }
    reader = f.user("reader");
    for (String sub : List.of("alpha", "beta", "gamma")) {
      f.subreddits.join(Caller.of(reader), sub);
    }
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      voters.add(f.user("voter" + i));
    }
    Random random = new Random(7);
    for (int i = 0; i < 90; i++) {
      String sub = SUBS.get(random.nextInt(SUBS.size()));
      if (i % 5 != 0) {
        f.clock.advance(Duration.ofMinutes(random.nextInt(90))); // some posts share a time
      }
      Post p = f.posts.submit(Caller.of(owner), sub, "post " + i, "");
      for (String voter : voters) {
        int r = random.nextInt(3);
        if (r < 2) {
          f.posts.vote(Caller.of(voter), p.id(), r == 0 ? VoteDirection.UP.value() : VoteDirection.DOWN.value());
        }
      }
      if (!sub.equals("delta")) {
        inJoined.add(p);
      }
      if (sub.equals("alpha")) {
        alphaPosts++;
      }
    }
    // Re-read: the vote counts are final now.
    for (int i = 0; i < inJoined.size(); i++) {
      inJoined.set(i, f.posts.get(inJoined.get(i).id()));
    }
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 30, 100})
  void feed_everySort_pagesThroughJoinedPostsOnceInOrder(int pageSize) throws Exception {
    for (PostSort sort : PostSort.values()) {
      List<Post> all = new ArrayList<>();
      String cursor = null;
      do {
        Page<Post> page = f.feed.feed(reader, sort.ordinal(), cursor, pageSize);
        assertTrue(page.items().size() <= pageSize);
        all.addAll(page.items());
        cursor = page.nextCursor();
      } while (cursor != null);
      assertEquals(expectedOrder(inJoined, sort), ids(all), sort + " with pages of " + pageSize);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 10, 100})
  void listing_everySort_pagesThroughTheSubredditOnceInOrder(int pageSize) throws Exception {
    List<Post> alpha = inJoined.stream().filter(p -> p.subreddit().equals("alpha")).toList();
    assertEquals(alphaPosts, alpha.size());
    for (PostSort sort : PostSort.values()) {
      List<Post> all = new ArrayList<>();
      String cursor = null;
      do {
        Page<Post> page = f.posts.listing("ALPHA", sort.ordinal(), cursor, pageSize);
        all.addAll(page.items());
        cursor = page.nextCursor();
      } while (cursor != null);
      assertEquals(expectedOrder(alpha, sort), ids(all), sort + " with pages of " + pageSize);
    }
  }

  @Test
  void lastFullPage_hasNoNextCursor() throws Exception {
    String owner = f.user("solo");
    f.subreddit(owner, "solo");
    f.posts.submit(Caller.of(owner), "solo", "one", "");
    f.posts.submit(Caller.of(owner), "solo", "two", "");
    Page<Post> page = f.posts.listing("solo", PostSort.NEW.ordinal(), null, 2);
    assertEquals(2, page.items().size());
    assertEquals(null, page.nextCursor());
    assertEquals(List.of(), f.posts.listing("solo", PostSort.NEW.ordinal(), null, 2).items().subList(0, 0));
  }

  @Test
  void emptyFeed_isOneEmptyPage() throws Exception {
    String loner = f.user("loner");
    Page<Post> page = f.feed.feed(loner, PostSort.HOT.ordinal(), null, 10);
    assertEquals(List.of(), page.items());
    assertEquals(null, page.nextCursor());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 100})
  void subredditList_bothOrders_pagesThroughAll(int pageSize) throws Exception {
    for (SubredditOrder order : SubredditOrder.values()) {
      List<Subreddit> all = new ArrayList<>();
      String cursor = null;
      do {
        Page<Subreddit> page = f.subreddits.list(order, cursor, pageSize);
        all.addAll(page.items());
        cursor = page.nextCursor();
      } while (cursor != null);
      Set<String> names = new HashSet<>();
      all.forEach(s -> names.add(s.name()));
      assertEquals(Set.copyOf(SUBS), names, order.name());
      assertEquals(SUBS.size(), all.size());
      if (order == SubredditOrder.MEMBERS) {
        assertEquals("delta", all.get(all.size() - 1).name()); // the one the reader did not join
      } else {
        assertEquals("delta", all.get(0).name()); // created last; ties broken by newest id
      }
    }
  }

  private static List<Long> expectedOrder(List<Post> posts, PostSort sort) {
    Comparator<Post> byRank = Comparator.comparingDouble(
        (Post p) -> PostRank.of(sort, p.ups(), p.downs(), p.createdAtMillis()));
    return posts.stream()
        .sorted(byRank.thenComparingLong(Post::id).reversed())
        .map(Post::id)
        .toList();
  }

  private static List<Long> ids(List<Post> posts) {
    return posts.stream().map(Post::id).toList();
  }
}
