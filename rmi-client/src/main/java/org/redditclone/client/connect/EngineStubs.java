package org.redditclone.client.connect;

import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.List;
import org.redditclone.api.CommentService;
import org.redditclone.api.FeedService;
import org.redditclone.api.InvalidInputException;
import org.redditclone.api.Limits;
import org.redditclone.api.MessageService;
import org.redditclone.api.Page;
import org.redditclone.api.PostService;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;
import org.redditclone.api.WriteCounts;

/** One lookup's worth of stubs, one per engine service. Stubs are thread-safe and reusable. */
public record EngineStubs(
    UserService users,
    SubredditService subreddits,
    PostService posts,
    CommentService comments,
    FeedService feed,
    MessageService messages,
    StatsService stats) {

  /**
   * Returns what the engine holds of the writes of every user whose name starts with {@code
   * prefix}, in name order, read page by page ({@link StatsService#writeCounts}).
   *
   * @throws InvalidInputException if {@code prefix} cannot start a user name
   */
  public List<WriteCounts> writeCounts(String prefix) throws RemoteException, InvalidInputException {
    List<WriteCounts> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<WriteCounts> page = stats.writeCounts(prefix, cursor, Limits.PAGE_MAX);
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }
}
