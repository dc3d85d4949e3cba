package org.redditclone.engine.comments;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.redditclone.api.Comment;
import org.redditclone.api.CommentList;
import org.redditclone.api.CommentSort;
import org.redditclone.api.Limits;
import org.redditclone.api.RedditException;
import org.redditclone.engine.events.Event.CommentAdded;
import org.redditclone.engine.events.Event.CommentDeleted;
import org.redditclone.engine.events.EventBus;
import org.redditclone.engine.events.ImpossibleEventException;
import org.redditclone.engine.posts.PostEntity;
import org.redditclone.engine.posts.PostManager;
import org.redditclone.engine.users.User;
import org.redditclone.engine.users.UserManager;
import org.redditclone.engine.votes.VotableStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Comments, replies, deletion and comment trees. */
public final class CommentManager extends VotableStore<CommentEntity, CommentDeleted, Comment> {

  private static final Logger log = LoggerFactory.getLogger(CommentManager.class);

  /** The top-level comments of each post that has any. */
  private final Map<Long, Siblings> roots = new ConcurrentHashMap<>();
  private final UserManager users;
  private final PostManager posts;

  /** Creates an empty comment store. */
  public CommentManager(EventBus bus, Clock clock, UserManager users, PostManager posts) {
    super("comment", CommentDeleted::new, CommentDeleted::commentId, bus, clock);
    this.users = Objects.requireNonNull(users, "users");
    this.posts = Objects.requireNonNull(posts, "posts");
  }

  /** Comments on a post. */
  public Comment comment(User author, long requestId, long postId, String body)
      throws RedditException {
    PostEntity post = posts.find("postId", postId);
    Limits.text("body", body, 1, Limits.COMMENT_BODY_MAX);
    CommentEntity comment =
        apply(new CommentAdded(newId(), post.id(), 0, author.id(), body, now(), requestId));
    log.debug("user {} commented #{} on post #{}", author.name(), comment.id(), postId);
    return comment.toRecord();
  }

  /** Replies to a comment. */
  public Comment reply(User author, long requestId, long commentId, String body)
      throws RedditException {
    CommentEntity parent = find("commentId", commentId);
    Limits.text("body", body, 1, Limits.COMMENT_BODY_MAX);
    CommentEntity reply = apply(new CommentAdded(
        newId(), parent.post().id(), commentId, author.id(), body, now(), requestId));
    log.debug("user {} replied #{} to comment #{}", author.name(), reply.id(), commentId);
    return reply.toRecord();
  }

  /** Applies a comment or reply and returns it; one whose id exists is refused. */
  public CommentEntity apply(CommentAdded e) {
    requireNew(e.commentId());
    PostEntity post = posts.require(e.postId());
    User author = users.requireUser(e.authorId());
    CommentEntity parent = e.parentId() == 0 ? null : require(e.parentId());
    if (parent != null && parent.post() != post) {
      throw ImpossibleEventException.because("comment #" + e.commentId() + " on post #" + e.postId()
          + " replies to comment #" + e.parentId() + " of post #" + parent.post().id());
    }
    int depth = parent == null ? 0 : parent.depth() + 1;
    Siblings siblings = parent == null
        ? roots.computeIfAbsent(post.id(), k -> new Siblings())
        : parent.repliesForNew();
    CommentEntity comment = new CommentEntity(
        e.commentId(), post, e.parentId(), depth, siblings, author, e.body(), e.atMillis());
    publish(e); // before it is visible, so no vote or reply on it can be published first
    siblings.add(comment); // before it can be found, so a vote on it finds it in its place
    add(comment);
    post.addComment();
    author.writes().addComment();
    return comment;
  }

  /**
   * Returns a post's comments depth-first, siblings in {@code sort} order, at most {@code maxDepth}
   * deep and {@code limit} long. Walks with an explicit stack: a thread of any depth is safe.
   */
  public List<Comment> tree(long postId, CommentSort sort, int maxDepth, int limit)
      throws RedditException {
    PostEntity post = posts.find("postId", postId);
    Limits.required("sort", sort);
    Limits.range("maxDepth", maxDepth, 0, Integer.MAX_VALUE);
    Limits.range("limit", limit, 1, Limits.TREE_MAX);
    List<Comment> out = new ArrayList<>(Math.min(limit, 64));
    Deque<Iterator<CommentEntity>> stack = new ArrayDeque<>();
    stack.push(CommentOrder.of(roots.get(post.id()), sort).iterator());
    while (!stack.isEmpty() && out.size() < limit) {
      Iterator<CommentEntity> siblings = stack.peek();
      if (!siblings.hasNext()) {
        stack.pop();
        continue;
      }
      CommentEntity comment = siblings.next();
      out.add(comment.toRecord());
      if (comment.depth() < maxDepth) {
        Siblings replies = comment.replies();
        if (replies != null) {
          stack.push(CommentOrder.of(replies, sort).iterator());
        }
      }
    }
    return CommentList.copyOf(out);
  }
}
