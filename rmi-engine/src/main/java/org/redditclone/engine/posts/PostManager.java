package org.redditclone.engine.posts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Limits;
import org.redditclone.api.Page;
import org.redditclone.api.Post;
import org.redditclone.api.PostSort;
import org.redditclone.api.RedditException;
import org.redditclone.engine.events.Event.PostDeleted;
import org.redditclone.engine.events.Event.PostSubmitted;
import org.redditclone.engine.events.EventBus;
import org.redditclone.engine.ranking.Cursor;
import org.redditclone.engine.ranking.RankKey;
import org.redditclone.engine.subreddits.SubredditEntity;
import org.redditclone.engine.subreddits.SubredditManager;
import org.redditclone.engine.users.User;
import org.redditclone.engine.users.UserManager;
import org.redditclone.engine.votes.VotableStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts and reposts, their deletion and the subreddit listings. */
public final class PostManager extends VotableStore<PostEntity, PostDeleted, Post> {

  private static final Logger log = LoggerFactory.getLogger(PostManager.class);

  private final Map<Integer, RankedPosts> bySubreddit = new ConcurrentHashMap<>();
  private final UserManager users;
  private final SubredditManager subreddits;

  /** Creates an empty post store. */
  public PostManager(EventBus bus, Clock clock, UserManager users, SubredditManager subreddits) {
    super("post", PostDeleted::new, PostDeleted::postId, bus, clock);
    this.users = Objects.requireNonNull(users, "users");
    this.subreddits = Objects.requireNonNull(subreddits, "subreddits");
  }

  /** Submits a text post. */
  public Post submit(User author, long requestId, String subreddit, String title, String body)
      throws RedditException {
    SubredditEntity sub = subreddits.find(subreddit);
    Limits.text("title", title, 1, Limits.TITLE_MAX);
    Limits.text("body", body, 0, Limits.POST_BODY_MAX);
    PostEntity post = apply(new PostSubmitted(
        newId(), sub.id(), author.id(), title, body, 0, now(), requestId));
    log.debug("user {} posted #{} in {}", author.name(), post.id(), sub.name());
    return post.toRecord();
  }

  /** Reposts a post into another subreddit, pointing at the first original. */
  public Post repost(User author, long requestId, long postId, String subreddit)
      throws RedditException {
    PostEntity source = find("postId", postId);
    SubredditEntity sub = subreddits.find(subreddit);
    if (source.deleted()) {
      throw new InvalidInputException("postId", postId, "names a deleted post; it cannot be reposted");
    }
    PostEntity original = source.originalId() == 0 ? source : require(source.originalId());
    if (source.subreddit() == sub || original.subreddit() == sub) {
      throw new InvalidInputException("subreddit", subreddit, "already holds post " + original.id()
          + (original == source ? "" : " (the original of " + postId + ")")
          + "; a repost must go to another subreddit");
    }
    String title = source.toRecord().title();
    PostEntity post = apply(new PostSubmitted(
        newId(), sub.id(), author.id(), title, "", original.id(), now(), requestId));
    log.debug("user {} reposted #{} as #{} in {}", author.name(), original.id(), post.id(), sub.name());
    return post.toRecord();
  }

  /** Applies a post or repost and returns it; one whose id exists is refused. */
  public PostEntity apply(PostSubmitted e) {
    requireNew(e.postId());
    SubredditEntity sub = subreddits.requireSubreddit(e.subredditId());
    User author = users.requireUser(e.authorId());
    String originalAuthor = null;
    if (e.originalId() != 0) {
      PostEntity original = require(e.originalId());
      originalAuthor = original.author().name();
    }
    RankedPosts index = bySubreddit.computeIfAbsent(sub.id(), k -> new RankedPosts());
    PostEntity post = new PostEntity(e.postId(), sub, index, author, e.title(), e.body(),
        e.atMillis(), e.originalId(), originalAuthor);
    publish(e); // before it is visible, so no vote or comment on it can be published first
    add(post);
    index.add(post);
    author.writes().addPost();
    return post;
  }

  /** Returns a page of a subreddit's posts. */
  public Page<Post> listing(String subreddit, PostSort sort, String cursor, int limit)
      throws RedditException {
    SubredditEntity sub = subreddits.find(subreddit);
    Limits.required("sort", sort);
    Limits.pageLimit(limit);
    RankKey after = Cursor.decode(sort.name(), cursor);
    RankedPosts index = bySubreddit.get(sub.id());
    if (index == null) {
      return new Page<>(List.of(), null);
    }
    Iterator<RankKey> it = index.after(sort, after);
    List<Post> items = new ArrayList<>(limit);
    RankKey last = null;
    while (items.size() < limit && it.hasNext()) {
      last = it.next();
      items.add(find(last.id()).toRecord());
    }
    return new Page<>(List.copyOf(items), last != null && it.hasNext() ? Cursor.encode(sort.name(), last) : null);
  }

  /** Returns the rank indexes of a subreddit's posts, or null if it has none. */
  public RankedPosts ranked(int subredditId) {
    return bySubreddit.get(subredditId);
  }
}
