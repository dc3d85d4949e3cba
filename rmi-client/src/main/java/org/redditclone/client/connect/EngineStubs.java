package org.redditclone.client.connect;

import org.redditclone.api.CommentService;
import org.redditclone.api.FeedService;
import org.redditclone.api.MessageService;
import org.redditclone.api.PostService;
import org.redditclone.api.StatsService;
import org.redditclone.api.SubredditService;
import org.redditclone.api.UserService;

/** One lookup's worth of stubs, one per engine service. Stubs are thread-safe and reusable. */
public record EngineStubs(
    UserService users,
    SubredditService subreddits,
    PostService posts,
    CommentService comments,
    FeedService feed,
    MessageService messages,
    StatsService stats) {}
